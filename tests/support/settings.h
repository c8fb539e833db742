#pragma once
// Loading settings in tests: a TOML text (written to a temporary file; none when empty) and a
// map standing in for the environment, through core::load_config with the given sections.
#include "core/settings.h"

#include <map>
#include <string>

namespace testing_support {

using FakeEnvironment = std::map<std::string, std::string>;

core::Environment fake_environment(FakeEnvironment vars);
std::string write_settings_file(const std::string& toml);
core::Config load_settings(const std::string& toml, FakeEnvironment env, std::span<const core::SettingsSection> sections);
// The std::invalid_argument's message load_settings throws, or "(no error)".
std::string settings_error(const std::string& toml, FakeEnvironment env, std::span<const core::SettingsSection> sections);

}  // namespace testing_support
