#include "mail/settings.h"

#include <stdexcept>

namespace mail {
namespace {
constexpr core::Setting<Settings> kSettings[] = {
    {"smtp.host", +[](Settings& s) -> auto& { return s.smtp.host; }},
    {"smtp.port", +[](Settings& s) -> auto& { return s.smtp.port; }},
    {"smtp.username", +[](Settings& s) -> auto& { return s.smtp.username; }},
    {"smtp.password", +[](Settings& s) -> auto& { return s.smtp.password; }},
    {"smtp.from", +[](Settings& s) -> auto& { return s.smtp.from; }},
    {"smtp.security", +[](Settings& s) -> auto& { return s.smtp.security; }},
    {"smtp.timeout_seconds", +[](Settings& s) -> auto& { return s.smtp.timeout_seconds; }},
    {"mail_max_attempts", +[](Settings& s) -> auto& { return s.max_attempts; }},
    {"mail_retry_base_seconds", +[](Settings& s) -> auto& { return s.retry_base_seconds; }},
    {"mail_retention_days", +[](Settings& s) -> auto& { return s.retention_days; }},
};

void validate(const Settings& s) {
  if (s.max_attempts < 1) throw std::invalid_argument("mail_max_attempts (PHOBIEN_MAIL_MAX_ATTEMPTS) phải lớn hơn 0");
  if (s.smtp.port < 1 || s.smtp.port > 65535) throw std::invalid_argument("smtp.port (PHOBIEN_SMTP_PORT) phải từ 1 đến 65535");
  if (s.smtp.security != "starttls" && s.smtp.security != "tls" && s.smtp.security != "none")
    throw std::invalid_argument("smtp.security (PHOBIEN_SMTP_SECURITY) phải là starttls, tls hoặc none (nhận được \"" +
                                s.smtp.security + "\")");
  if (s.smtp.timeout_seconds < 1) throw std::invalid_argument("smtp.timeout_seconds (PHOBIEN_SMTP_TIMEOUT_SECONDS) phải lớn hơn 0");
}
}  // namespace

core::SettingsSection settings_section() { return core::settings_section<Settings>(kSettings, validate); }

}  // namespace mail
