#pragma once
// Settings tables and loading. Every setting is one row: its key in the TOML file and the field
// it sets; its environment variable is PHOBIEN_ and the key in capitals, dots made underscores
// (smtp.host: PHOBIEN_SMTP_HOST). Core's own rows set `Config`'s fields; a feature module owns a
// section: a struct of its own (read with `config.section<T>()`), a table of rows for it and an
// optional check of the final values, made into a `SettingsSection` by `settings_section`.
// `app` hands the list of module sections to `load_config`, so core never names a feature.
#include "core/config.h"

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace core {

// One row of a table for struct S.
template <typename S, typename T>
using SettingField = T& (*)(S&);
template <typename S>
struct Setting {
  std::string_view key;  // "smtp.host" is `host` under `[smtp]` in the file
  std::variant<SettingField<S, std::string>, SettingField<S, std::int64_t>, SettingField<S, int>,
               SettingField<S, std::size_t>, SettingField<S, bool>, SettingField<S, std::vector<std::string>>>
      field;
};

// Parsing a value's text into a field; `name` (the variable, or "FILE: key") is what an error
// shows. Each throws std::invalid_argument on a malformed value.
void assign_setting(std::string& field, const std::string& name, const std::string& text);
void assign_setting(std::int64_t& field, const std::string& name, const std::string& text);  // not negative
void assign_setting(int& field, const std::string& name, const std::string& text);           // 0 … INT_MAX
void assign_setting(std::size_t& field, const std::string& name, const std::string& text);
void assign_setting(bool& field, const std::string& name, const std::string& text);  // true/false/yes/no/on/off/number
void assign_setting(std::vector<std::string>& field, const std::string& name, const std::string& text);  // "a, b"

// "smtp.host" → "PHOBIEN_SMTP_HOST".
std::string setting_variable(std::string_view key);

// A row with its struct erased: sets the field inside a Config.
struct SettingBinding {
  std::string_view key;
  std::string env;  // setting_variable(key)
  bool takes_list = false;  // a TOML array is accepted (items joined as "a,b")
  std::function<void(Config&, const std::string& name, const std::string& text)> set;
};

struct SettingsSection {
  std::function<void(Config&)> add_defaults;  // puts the struct, with its defaults, into a Config
  std::vector<SettingBinding> settings;
  std::function<void(const Config&)> validate;  // after every source; throws std::invalid_argument
};

// Where struct S lives inside a Config: core's rows set the Config itself.
template <typename S>
S& settings_struct(Config& config) {
  if constexpr (std::is_same_v<S, Config>) return config;
  else return config.section<S>();
}

template <typename S>
SettingsSection settings_section(std::span<const Setting<S>> table, void (*validate)(const S&) = nullptr) {
  SettingsSection section;
  section.add_defaults = [](Config& config) { settings_struct<S>(config); };
  for (const auto& row : table) {
    SettingBinding binding{row.key, setting_variable(row.key), std::holds_alternative<SettingField<S, std::vector<std::string>>>(row.field), {}};
    binding.set = [field = row.field](Config& config, const std::string& name, const std::string& text) {
      std::visit([&](auto get) { assign_setting(get(settings_struct<S>(config)), name, text); }, field);
    };
    section.settings.push_back(std::move(binding));
  }
  if (validate) section.validate = [validate](const Config& config) { validate(config.section<S>()); };
  return section;
}

// Defaults, then the TOML file `file` (or PHOBIEN_CONFIG when `file` is empty; no file when both
// are), then PHOBIEN_* variables, for core's settings and every section in `sections`. A variable
// PHOBIEN_X_Y is key x_y in the file; keys with a dot live in a TOML table ([smtp] host = …).
// Throws std::invalid_argument naming the key or variable at fault (unknown keys included).
Config load_config(const std::string& file, const Environment& env, std::span<const SettingsSection> sections);

}  // namespace core
