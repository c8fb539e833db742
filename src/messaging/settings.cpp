#include "messaging/settings.h"

#include <stdexcept>

namespace messaging {
namespace {
constexpr core::Setting<Settings> kSettings[] = {
    {"messenger.app_secret", +[](Settings& s) -> auto& { return s.messenger.app_secret; }},
    {"messenger.verify_token", +[](Settings& s) -> auto& { return s.messenger.verify_token; }},
    {"messenger.page_token", +[](Settings& s) -> auto& { return s.messenger.page_token; }},
    {"messenger.send_url", +[](Settings& s) -> auto& { return s.messenger.send_url; }},
    {"zalo.app_id", +[](Settings& s) -> auto& { return s.zalo.app_id; }},
    {"zalo.oa_secret", +[](Settings& s) -> auto& { return s.zalo.oa_secret; }},
    {"zalo.access_token", +[](Settings& s) -> auto& { return s.zalo.access_token; }},
    {"zalo.send_url", +[](Settings& s) -> auto& { return s.zalo.send_url; }},
    {"outbox_max_attempts", +[](Settings& s) -> auto& { return s.outbox_max_attempts; }},
    {"outbox_retry_base_seconds", +[](Settings& s) -> auto& { return s.outbox_retry_base_seconds; }},
    {"message_retention_days", +[](Settings& s) -> auto& { return s.message_retention_days; }},
};

void validate(const Settings& s) {
  if (s.outbox_max_attempts < 1) throw std::invalid_argument("outbox_max_attempts (PHOBIEN_OUTBOX_MAX_ATTEMPTS) phải lớn hơn 0");
}
}  // namespace

core::SettingsSection settings_section() { return core::settings_section<Settings>(kSettings, validate); }

}  // namespace messaging
