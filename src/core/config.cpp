#include "core/config.h"

// The only file that sees toml++ (compiled library, so this header stays cheap here and absent elsewhere).
#include <toml++/toml.h>

#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <variant>

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

bool parse_bool(const std::string& name, const std::string& value) {
  if (value == "true" || value == "yes" || value == "on") return true;
  if (value == "false" || value == "no" || value == "off") return false;
  return parse_int(name, value) != 0;
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

namespace {
// Every setting once: its key in the file, its environment variable, and the field it sets.
template <typename T>
using Field = T& (*)(Config&);
using Target = std::variant<Field<std::string>, Field<std::int64_t>, Field<int>, Field<std::size_t>, Field<bool>,
                            Field<std::vector<std::string>>>;
struct Setting {
  std::string_view key;
  const char* env;
  Target field;
};

// `+` turns each capture-less lambda into the function pointer the variant holds.
const Setting kSettings[] = {
    {"data", "PHOBIEN_DATA", +[](Config& c) -> auto& { return c.data_dir; }},
    {"listen", "PHOBIEN_LISTEN", +[](Config& c) -> auto& { return c.listen; }},
    {"database_url", "PHOBIEN_DATABASE_URL", +[](Config& c) -> auto& { return c.database_url; }},
    {"base_url", "PHOBIEN_BASE_URL", +[](Config& c) -> auto& { return c.base_url; }},
    {"trusted_proxies", "PHOBIEN_TRUSTED_PROXIES", +[](Config& c) -> auto& { return c.trusted_proxies; }},
    {"secure_cookies", "PHOBIEN_SECURE_COOKIES", +[](Config& c) -> auto& { return c.secure_cookies; }},
    {"rate_limit", "PHOBIEN_RATE_LIMIT", +[](Config& c) -> auto& { return c.rate_limits_enabled; }},
    {"login_limit_per_ip", "PHOBIEN_LOGIN_LIMIT_PER_IP", +[](Config& c) -> auto& { return c.login_per_ip.max; }},
    {"login_limit_per_account", "PHOBIEN_LOGIN_LIMIT_PER_ACCOUNT", +[](Config& c) -> auto& { return c.login_per_account.max; }},
    {"register_limit_per_ip", "PHOBIEN_REGISTER_LIMIT_PER_IP", +[](Config& c) -> auto& { return c.register_per_ip.max; }},
    {"cache_ttl", "PHOBIEN_CACHE_TTL", +[](Config& c) -> auto& { return c.cache_ttl; }},
    {"change_poll_ms", "PHOBIEN_CHANGE_POLL_MS", +[](Config& c) -> auto& { return c.change_poll_millis; }},
    {"workers", "PHOBIEN_WORKERS", +[](Config& c) -> auto& { return c.worker_threads; }},
    {"log_level", "PHOBIEN_LOG_LEVEL", +[](Config& c) -> auto& { return c.log_level; }},
    {"messenger.app_secret", "PHOBIEN_MESSENGER_APP_SECRET", +[](Config& c) -> auto& { return c.messenger.app_secret; }},
    {"messenger.verify_token", "PHOBIEN_MESSENGER_VERIFY_TOKEN", +[](Config& c) -> auto& { return c.messenger.verify_token; }},
    {"messenger.page_token", "PHOBIEN_MESSENGER_PAGE_TOKEN", +[](Config& c) -> auto& { return c.messenger.page_token; }},
    {"messenger.send_url", "PHOBIEN_MESSENGER_SEND_URL", +[](Config& c) -> auto& { return c.messenger.send_url; }},
    {"zalo.app_id", "PHOBIEN_ZALO_APP_ID", +[](Config& c) -> auto& { return c.zalo.app_id; }},
    {"zalo.oa_secret", "PHOBIEN_ZALO_OA_SECRET", +[](Config& c) -> auto& { return c.zalo.oa_secret; }},
    {"zalo.access_token", "PHOBIEN_ZALO_ACCESS_TOKEN", +[](Config& c) -> auto& { return c.zalo.access_token; }},
    {"zalo.send_url", "PHOBIEN_ZALO_SEND_URL", +[](Config& c) -> auto& { return c.zalo.send_url; }},
    {"outbox_max_attempts", "PHOBIEN_OUTBOX_MAX_ATTEMPTS", +[](Config& c) -> auto& { return c.outbox_max_attempts; }},
    {"outbox_retry_base_seconds", "PHOBIEN_OUTBOX_RETRY_BASE_SECONDS", +[](Config& c) -> auto& { return c.outbox_retry_base_seconds; }},
    {"conversation_retention_days", "PHOBIEN_CONVERSATION_RETENTION_DAYS", +[](Config& c) -> auto& { return c.conversation_retention_days; }},
    {"message_retention_days", "PHOBIEN_MESSAGE_RETENTION_DAYS", +[](Config& c) -> auto& { return c.message_retention_days; }},
    {"smtp.host", "PHOBIEN_SMTP_HOST", +[](Config& c) -> auto& { return c.smtp.host; }},
    {"smtp.port", "PHOBIEN_SMTP_PORT", +[](Config& c) -> auto& { return c.smtp.port; }},
    {"smtp.username", "PHOBIEN_SMTP_USERNAME", +[](Config& c) -> auto& { return c.smtp.username; }},
    {"smtp.password", "PHOBIEN_SMTP_PASSWORD", +[](Config& c) -> auto& { return c.smtp.password; }},
    {"smtp.from", "PHOBIEN_SMTP_FROM", +[](Config& c) -> auto& { return c.smtp.from; }},
    {"smtp.security", "PHOBIEN_SMTP_SECURITY", +[](Config& c) -> auto& { return c.smtp.security; }},
    {"smtp.timeout_seconds", "PHOBIEN_SMTP_TIMEOUT_SECONDS", +[](Config& c) -> auto& { return c.smtp.timeout_seconds; }},
    {"mail_max_attempts", "PHOBIEN_MAIL_MAX_ATTEMPTS", +[](Config& c) -> auto& { return c.mail_max_attempts; }},
    {"mail_retry_base_seconds", "PHOBIEN_MAIL_RETRY_BASE_SECONDS", +[](Config& c) -> auto& { return c.mail_retry_base_seconds; }},
    {"mail_retention_days", "PHOBIEN_MAIL_RETENTION_DAYS", +[](Config& c) -> auto& { return c.mail_retention_days; }},
    {"question_limit_per_ip", "PHOBIEN_QUESTION_LIMIT_PER_IP", +[](Config& c) -> auto& { return c.question_per_ip.max; }},
    {"question_limit_per_contact", "PHOBIEN_QUESTION_LIMIT_PER_CONTACT", +[](Config& c) -> auto& { return c.question_per_contact.max; }},
    {"question_pow_bits", "PHOBIEN_QUESTION_POW_BITS", +[](Config& c) -> auto& { return c.question_pow_bits; }},
    {"question_retention_days", "PHOBIEN_QUESTION_RETENTION_DAYS", +[](Config& c) -> auto& { return c.question_retention_days; }},
};

void assign(std::string& field, const std::string&, const std::string& value) { field = value; }
void assign(std::int64_t& field, const std::string& name, const std::string& value) { field = parse_int(name, value); }
void assign(std::size_t& field, const std::string& name, const std::string& value) {
  field = static_cast<std::size_t>(parse_int(name, value));
}
void assign(int& field, const std::string& name, const std::string& value) {
  auto v = parse_int(name, value);
  if (v > INT_MAX) throw std::invalid_argument(name + " quá lớn (nhận được \"" + value + "\")");
  field = static_cast<int>(v);
}
void assign(bool& field, const std::string& name, const std::string& value) { field = parse_bool(name, value); }
void assign(std::vector<std::string>& field, const std::string&, const std::string& value) { field = split_list(value); }

// `name` is what an error message shows: the variable, or "FILE: key".
void apply(Config& c, const Setting& s, const std::string& name, const std::string& value) {
  std::visit([&](auto field) { assign(field(c), name, value); }, s.field);
}

const Setting* find_setting(std::string_view key) {
  for (const auto& s : kSettings)
    if (s.key == key) return &s;
  return nullptr;
}

// A TOML scalar as the text an environment variable would hold, so both sources share one parser.
std::string scalar_text(const toml::node& node, const std::string& name) {
  if (auto v = node.value_exact<std::string>()) return *v;
  if (auto v = node.value_exact<std::int64_t>()) return std::to_string(*v);
  if (auto v = node.value_exact<bool>()) return *v ? "true" : "false";
  throw std::invalid_argument(name + " phải là một chuỗi, một số nguyên hoặc true/false");
}

void apply_file(Config& c, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    throw std::invalid_argument("tệp cấu hình " + path + ": " + std::string(e.description()) +
                                (at.line ? " (dòng " + std::to_string(at.line) + ", cột " + std::to_string(at.column) + ")" : ""));
  }
  auto set = [&](const std::string& key, const toml::node& node) {
    const std::string name = path + ": " + key;
    const Setting* s = find_setting(key);
    // A typo must not pass silently: the setting it meant would keep its default.
    if (!s) throw std::invalid_argument("tệp cấu hình " + path + ": không có thiết lập \"" + key + "\"");
    if (const auto* list = node.as_array()) {
      if (!std::holds_alternative<Field<std::vector<std::string>>>(s->field))
        throw std::invalid_argument(name + " không nhận một danh sách");
      std::vector<std::string> items;
      for (const auto& item : *list) items.push_back(scalar_text(item, name));
      std::get<Field<std::vector<std::string>>>(s->field)(c) = std::move(items);
      return;
    }
    apply(c, *s, name, scalar_text(node, name));
  };
  for (const auto& [key, node] : root) {
    if (const auto* section = node.as_table()) {
      for (const auto& [sub, value] : *section) set(std::string(key.str()) + "." + std::string(sub.str()), value);
    } else {
      set(std::string(key.str()), node);
    }
  }
}

// Checks that need the final value, whichever source it came from.
void validate(const Config& c) {
  validate_listen(c.listen);
  if (c.outbox_max_attempts < 1) throw std::invalid_argument("outbox_max_attempts (PHOBIEN_OUTBOX_MAX_ATTEMPTS) phải lớn hơn 0");
  if (c.mail_max_attempts < 1) throw std::invalid_argument("mail_max_attempts (PHOBIEN_MAIL_MAX_ATTEMPTS) phải lớn hơn 0");
  if (c.smtp.port < 1 || c.smtp.port > 65535) throw std::invalid_argument("smtp.port (PHOBIEN_SMTP_PORT) phải từ 1 đến 65535");
  if (c.smtp.security != "starttls" && c.smtp.security != "tls" && c.smtp.security != "none")
    throw std::invalid_argument("smtp.security (PHOBIEN_SMTP_SECURITY) phải là starttls, tls hoặc none (nhận được \"" +
                                c.smtp.security + "\")");
  if (c.smtp.timeout_seconds < 1) throw std::invalid_argument("smtp.timeout_seconds (PHOBIEN_SMTP_TIMEOUT_SECONDS) phải lớn hơn 0");
  if (c.question_pow_bits < 0 || c.question_pow_bits > 28)
    throw std::invalid_argument("question_pow_bits (PHOBIEN_QUESTION_POW_BITS) phải từ 0 đến 28");
}
}  // namespace

std::optional<std::string> process_environment(const std::string& name) { return env(name.c_str()); }

Config load_config(const std::string& file, const Environment& environment) {
  Config c;
  std::string path = file;
  if (path.empty()) path = environment("PHOBIEN_CONFIG").value_or("");
  if (!path.empty()) apply_file(c, path);
  for (const auto& s : kSettings)
    if (auto v = environment(s.env)) apply(c, s, s.env, *v);
  validate(c);
  return c;
}

}  // namespace core
