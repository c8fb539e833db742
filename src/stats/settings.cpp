#include "stats/settings.h"

#include <stdexcept>

namespace stats {
namespace {
constexpr core::Setting<Settings> kStatsSettings[] = {
    {"uplink.url", +[](Settings& s) -> auto& { return s.uplink.url; }},
    {"uplink.token", +[](Settings& s) -> auto& { return s.uplink.token; }},
    {"uplink.max_attempts", +[](Settings& s) -> auto& { return s.uplink.max_attempts; }},
    {"uplink.retry_base_seconds", +[](Settings& s) -> auto& { return s.uplink.retry_base_seconds; }},
};

void validate_stats_settings(const Settings& s) {
  const auto& u = s.uplink;
  if (u.url.empty()) return;
  if (!(u.url.starts_with("https://") || u.url.starts_with("http://")) || u.url.size() > 2000 ||
      u.url.find_first_of(" \r\n\t") != std::string::npos)
    throw std::invalid_argument("uplink.url (PHOBIEN_UPLINK_URL) phải là một địa chỉ http:// hoặc https://");
  if (u.token.empty() || u.token.size() > 500 || u.token.find_first_of(" \r\n\t") != std::string::npos)
    throw std::invalid_argument("uplink.token (PHOBIEN_UPLINK_TOKEN) phải có (mã truy cập do nơi nhận báo cáo cấp) khi đã đặt uplink.url");
  if (u.max_attempts < 1) throw std::invalid_argument("uplink.max_attempts (PHOBIEN_UPLINK_MAX_ATTEMPTS) phải lớn hơn 0");
  if (u.retry_base_seconds < 1) throw std::invalid_argument("uplink.retry_base_seconds (PHOBIEN_UPLINK_RETRY_BASE_SECONDS) phải lớn hơn 0");
}
}  // namespace

core::SettingsSection settings_section() { return core::settings_section<Settings>(kStatsSettings, validate_stats_settings); }

}  // namespace stats
