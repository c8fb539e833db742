#include "support/settings.h"

#include "support/test_database.h"

#include <fstream>
#include <stdexcept>

namespace testing_support {

core::Environment fake_environment(FakeEnvironment vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::string write_settings_file(const std::string& toml) {
  auto path = make_temp_dir() + "/phobien.toml";
  std::ofstream(path) << toml;
  return path;
}

core::Config load_settings(const std::string& toml, FakeEnvironment env, std::span<const core::SettingsSection> sections) {
  return core::load_config(toml.empty() ? "" : write_settings_file(toml), fake_environment(std::move(env)), sections);
}

std::string settings_error(const std::string& toml, FakeEnvironment env, std::span<const core::SettingsSection> sections) {
  try {
    load_settings(toml, std::move(env), sections);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace testing_support
