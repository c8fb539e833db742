#include "core/config.h"
#include "core/settings.h"
#include "core/strings.h"

// The only file that sees toml++ (compiled library, so this header stays cheap here and absent elsewhere).
#include <toml++/toml.h>

#include <cctype>
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
// The platform's own settings; feature modules bring theirs as sections (core/settings.h).
// `+` turns each capture-less lambda into the function pointer the variant holds.
constexpr Setting<Config> kCoreSettings[] = {
    {"data", +[](Config& c) -> auto& { return c.data_dir; }},
    {"listen", +[](Config& c) -> auto& { return c.listen; }},
    {"database_url", +[](Config& c) -> auto& { return c.database_url; }},
    {"base_url", +[](Config& c) -> auto& { return c.base_url; }},
    {"trusted_proxies", +[](Config& c) -> auto& { return c.trusted_proxies; }},
    {"secure_cookies", +[](Config& c) -> auto& { return c.secure_cookies; }},
    {"rate_limit", +[](Config& c) -> auto& { return c.rate_limits_enabled; }},
    {"login_limit_per_ip", +[](Config& c) -> auto& { return c.login_per_ip.max; }},
    {"login_limit_per_account", +[](Config& c) -> auto& { return c.login_per_account.max; }},
    {"register_limit_per_ip", +[](Config& c) -> auto& { return c.register_per_ip.max; }},
    {"cache_ttl", +[](Config& c) -> auto& { return c.cache_ttl; }},
    {"change_poll_ms", +[](Config& c) -> auto& { return c.change_poll_millis; }},
    {"workers", +[](Config& c) -> auto& { return c.worker_threads; }},
    {"log_level", +[](Config& c) -> auto& { return c.log_level; }},
};

// Every row the loader knows: core's, then each section's. Points into `sections`.
using Bindings = std::vector<const SettingBinding*>;

const SettingBinding* find_setting(const Bindings& all, std::string_view key) {
  for (const auto* s : all)
    if (s->key == key) return s;
  return nullptr;
}

// A TOML scalar as the text an environment variable would hold, so both sources share one parser.
std::string scalar_text(const toml::node& node, const std::string& name) {
  if (auto v = node.value_exact<std::string>()) return *v;
  if (auto v = node.value_exact<std::int64_t>()) return std::to_string(*v);
  if (auto v = node.value_exact<bool>()) return *v ? "true" : "false";
  throw std::invalid_argument(name + " phải là một chuỗi, một số nguyên hoặc true/false");
}

void apply_file(Config& c, const Bindings& all, const std::string& path) {
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
    const SettingBinding* s = find_setting(all, key);
    // A typo must not pass silently: the setting it meant would keep its default.
    if (!s) throw std::invalid_argument("tệp cấu hình " + path + ": không có thiết lập \"" + key + "\"");
    if (const auto* list = node.as_array()) {
      if (!s->takes_list) throw std::invalid_argument(name + " không nhận một danh sách");
      std::string items;
      for (const auto& item : *list) items += (items.empty() ? "" : ",") + scalar_text(item, name);
      s->set(c, name, items);
      return;
    }
    s->set(c, name, scalar_text(node, name));
  };
  for (const auto& [key, node] : root) {
    if (const auto* section = node.as_table()) {
      for (const auto& [sub, value] : *section) set(std::string(key.str()) + "." + std::string(sub.str()), value);
    } else {
      set(std::string(key.str()), node);
    }
  }
}
}  // namespace

void assign_setting(std::string& field, const std::string&, const std::string& text) { field = text; }
void assign_setting(std::int64_t& field, const std::string& name, const std::string& text) { field = parse_int(name, text); }
void assign_setting(std::size_t& field, const std::string& name, const std::string& text) {
  field = static_cast<std::size_t>(parse_int(name, text));
}
void assign_setting(int& field, const std::string& name, const std::string& text) {
  auto v = parse_int(name, text);
  if (v > INT_MAX) throw std::invalid_argument(name + " quá lớn (nhận được \"" + text + "\")");
  field = static_cast<int>(v);
}
void assign_setting(bool& field, const std::string& name, const std::string& text) { field = parse_bool(name, text); }
void assign_setting(std::vector<std::string>& field, const std::string&, const std::string& text) { field = split_list(text); }

std::string setting_variable(std::string_view key) {
  std::string name = "PHOBIEN_";
  for (char ch : key) name += ch == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return name;
}

std::optional<std::string> process_environment(const std::string& name) { return env(name.c_str()); }

Config load_config(const std::string& file, const Environment& environment, std::span<const SettingsSection> sections) {
  const auto core = settings_section<Config>(kCoreSettings);
  Bindings all;
  for (const auto& b : core.settings) all.push_back(&b);
  for (const auto& section : sections)
    for (const auto& b : section.settings) all.push_back(&b);

  Config c;
  for (const auto& section : sections) section.add_defaults(c);  // so a module may keep a reference
  std::string path = file;
  if (path.empty()) path = environment("PHOBIEN_CONFIG").value_or("");
  if (!path.empty()) apply_file(c, all, path);
  for (const auto* s : all)
    if (auto v = environment(s->env)) s->set(c, s->env, *v);
  // Checks that need the final value, whichever source it came from.
  validate_listen(c.listen);
  for (const auto& section : sections)
    if (section.validate) section.validate(c);
  return c;
}

}  // namespace core
