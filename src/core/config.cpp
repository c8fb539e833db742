#include "core/config.h"

#include <cstdlib>
#include <stdexcept>

namespace core {

namespace {
std::optional<std::string> env(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

std::int64_t parse_int(const std::string& name, const std::string& value) {
  try {
    std::size_t used = 0;
    long long v = std::stoll(value, &used);
    if (used != value.size() || v < 0) throw std::invalid_argument("");
    return v;
  } catch (const std::exception&) {
    throw std::invalid_argument(name + " phải là một số nguyên không âm (nhận được \"" + value + "\")");
  }
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    std::string item = s.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}
}  // namespace

std::string Config::effective_database_url() const {
  if (!database_url.empty()) return database_url;
  return "sqlite:" + data_dir + "/phobien.db";
}

std::string Config::absolute_url(const std::string& path) const {
  std::string base = base_url.empty() ? "http://" + listen : base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path;
}

std::string Config::host() const { return listen.substr(0, listen.rfind(':')); }

std::uint16_t Config::port() const { return static_cast<std::uint16_t>(std::stoi(listen.substr(listen.rfind(':') + 1))); }

void validate_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw std::invalid_argument("địa chỉ lắng nghe phải có dạng HOST:PORT (nhận được \"" + listen + "\")");
  std::string port = listen.substr(colon + 1);
  std::int64_t p = 0;
  try {
    p = parse_int("PORT", port);
  } catch (const std::exception&) {
    p = -1;
  }
  if (p < 0 || p > 65535) throw std::invalid_argument("cổng không hợp lệ trong \"" + listen + "\"");
}

Config config_from_environment() {
  Config c;
  if (auto v = env("PHOBIEN_DATA")) c.data_dir = *v;
  if (auto v = env("PHOBIEN_LISTEN")) c.listen = *v;
  if (auto v = env("PHOBIEN_DATABASE_URL")) c.database_url = *v;
  if (auto v = env("PHOBIEN_BASE_URL")) c.base_url = *v;
  if (auto v = env("PHOBIEN_TRUSTED_PROXIES")) c.trusted_proxies = split_list(*v);
  if (auto v = env("PHOBIEN_SECURE_COOKIES")) c.secure_cookies = *v == "1" || *v == "true";
  if (auto v = env("PHOBIEN_RATE_LIMIT")) c.rate_limits_enabled = parse_int("PHOBIEN_RATE_LIMIT", *v) != 0;
  if (auto v = env("PHOBIEN_LOGIN_LIMIT_PER_IP")) c.login_per_ip.max = static_cast<int>(parse_int("PHOBIEN_LOGIN_LIMIT_PER_IP", *v));
  if (auto v = env("PHOBIEN_LOGIN_LIMIT_PER_ACCOUNT"))
    c.login_per_account.max = static_cast<int>(parse_int("PHOBIEN_LOGIN_LIMIT_PER_ACCOUNT", *v));
  if (auto v = env("PHOBIEN_REGISTER_LIMIT_PER_IP"))
    c.register_per_ip.max = static_cast<int>(parse_int("PHOBIEN_REGISTER_LIMIT_PER_IP", *v));
  if (auto v = env("PHOBIEN_CACHE_TTL")) c.cache_ttl = parse_int("PHOBIEN_CACHE_TTL", *v);
  if (auto v = env("PHOBIEN_CHANGE_POLL_MS")) c.change_poll_millis = parse_int("PHOBIEN_CHANGE_POLL_MS", *v);
  if (auto v = env("PHOBIEN_WORKERS")) c.worker_threads = static_cast<std::size_t>(parse_int("PHOBIEN_WORKERS", *v));
  if (auto v = env("PHOBIEN_LOG_LEVEL")) c.log_level = *v;
  if (auto v = env("PHOBIEN_MESSENGER_APP_SECRET")) c.messenger.app_secret = *v;
  if (auto v = env("PHOBIEN_MESSENGER_VERIFY_TOKEN")) c.messenger.verify_token = *v;
  if (auto v = env("PHOBIEN_MESSENGER_PAGE_TOKEN")) c.messenger.page_token = *v;
  if (auto v = env("PHOBIEN_MESSENGER_SEND_URL")) c.messenger.send_url = *v;
  if (auto v = env("PHOBIEN_ZALO_APP_ID")) c.zalo.app_id = *v;
  if (auto v = env("PHOBIEN_ZALO_OA_SECRET")) c.zalo.oa_secret = *v;
  if (auto v = env("PHOBIEN_ZALO_ACCESS_TOKEN")) c.zalo.access_token = *v;
  if (auto v = env("PHOBIEN_ZALO_SEND_URL")) c.zalo.send_url = *v;
  if (auto v = env("PHOBIEN_OUTBOX_MAX_ATTEMPTS")) {
    c.outbox_max_attempts = static_cast<int>(parse_int("PHOBIEN_OUTBOX_MAX_ATTEMPTS", *v));
    if (c.outbox_max_attempts < 1) throw std::invalid_argument("PHOBIEN_OUTBOX_MAX_ATTEMPTS phải lớn hơn 0");
  }
  if (auto v = env("PHOBIEN_OUTBOX_RETRY_BASE_SECONDS"))
    c.outbox_retry_base_seconds = parse_int("PHOBIEN_OUTBOX_RETRY_BASE_SECONDS", *v);
  if (auto v = env("PHOBIEN_CONVERSATION_RETENTION_DAYS")) c.conversation_retention_days = parse_int("PHOBIEN_CONVERSATION_RETENTION_DAYS", *v);
  if (auto v = env("PHOBIEN_MESSAGE_RETENTION_DAYS")) c.message_retention_days = parse_int("PHOBIEN_MESSAGE_RETENTION_DAYS", *v);
  if (auto v = env("PHOBIEN_QUESTION_POW_BITS")) {
    auto bits = parse_int("PHOBIEN_QUESTION_POW_BITS", *v);
    if (bits > 28) throw std::invalid_argument("PHOBIEN_QUESTION_POW_BITS phải từ 0 đến 28 (nhận được \"" + *v + "\")");
    c.question_pow_bits = static_cast<int>(bits);
  }
  validate_listen(c.listen);
  return c;
}

}  // namespace core
