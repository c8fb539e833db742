// The mail module's settings: the [smtp] table and the mail outbox keys, their defaults, the
// environment over the file, and the checks on the final values.
#include "mail/settings.h"
#include "support/settings.h"

#include <gtest/gtest.h>

#include <tuple>
#include <utility>


namespace {

using testing_support::FakeEnvironment;

std::span<const core::SettingsSection> sections() {
  static const core::SettingsSection all[] = {mail::settings_section()};
  return all;
}

mail::Settings load(const std::string& toml, FakeEnvironment env = {}) {
  return testing_support::load_settings(toml, std::move(env), sections()).section<mail::Settings>();
}

std::string error_of(const std::string& toml, FakeEnvironment env = {}) {
  return testing_support::settings_error(toml, std::move(env), sections());
}

const char* kFile = R"(
mail_max_attempts = 4
mail_retry_base_seconds = 30
mail_retention_days = 7

[smtp]
host = "smtp.example.gov.vn"
port = 465
username = "pbgdpl"
password = "mật-khẩu"
from = "Cổng PBGDPL <no-reply@example.gov.vn>"
security = "tls"
timeout_seconds = 15
)";

TEST(MailSettings, ValuesComeFromTheFile) {
  auto s = load(kFile);
  EXPECT_TRUE(s.smtp.enabled());
  EXPECT_EQ(std::tie(s.smtp.host, s.smtp.port, s.smtp.username, s.smtp.password, s.smtp.security, s.smtp.timeout_seconds),
            std::make_tuple("smtp.example.gov.vn", 465, "pbgdpl", "mật-khẩu", "tls", 15));
  EXPECT_EQ(s.smtp.from, "Cổng PBGDPL <no-reply@example.gov.vn>");
  EXPECT_EQ(s.max_attempts, 4);
  EXPECT_EQ(s.retry_base_seconds, 30);
  EXPECT_EQ(s.retention_days, 7);
}

TEST(MailSettings, Defaults) {
  auto s = load("");
  EXPECT_FALSE(s.smtp.enabled());
  EXPECT_EQ(s.smtp.port, 587);
  EXPECT_EQ(s.smtp.security, "starttls");
  EXPECT_EQ(s.smtp.from, "PhoBien <no-reply@localhost>");
  EXPECT_EQ(s.max_attempts, 6);
  EXPECT_EQ(s.retention_days, 30);
}

TEST(MailSettings, EnvironmentOverridesTheFile) {
  auto s = load(kFile, {{"PHOBIEN_SMTP_HOST", "relay.local"},
                        {"PHOBIEN_SMTP_PORT", "2525"},
                        {"PHOBIEN_SMTP_SECURITY", "none"},
                        {"PHOBIEN_SMTP_USERNAME", "other"},
                        {"PHOBIEN_SMTP_PASSWORD", "pw"},
                        {"PHOBIEN_SMTP_FROM", "x@y.vn"},
                        {"PHOBIEN_MAIL_MAX_ATTEMPTS", "2"}});
  EXPECT_EQ(std::tie(s.smtp.host, s.smtp.port, s.smtp.username, s.smtp.password, s.smtp.security),
            std::make_tuple("relay.local", 2525, "other", "pw", "none"));
  EXPECT_EQ(s.smtp.from, "x@y.vn");
  EXPECT_EQ(s.max_attempts, 2);
  EXPECT_EQ(s.smtp.timeout_seconds, 15) << "from the file";
}

// The section's own checks (parsing errors and unknown keys are the loader's, tested in core).
TEST(MailSettings, ValuesOutOfRangeAreErrorsNamingTheSetting) {
  const std::pair<const char*, const char*> cases[] = {
      {"[smtp]\nport = 70000\n", "smtp.port"},
      {"[smtp]\nport = 0\n", "smtp.port"},
      {"[smtp]\nsecurity = \"ssl\"\n", "starttls, tls hoặc none"},
      {"[smtp]\ntimeout_seconds = 0\n", "smtp.timeout_seconds"},
      {"mail_max_attempts = 0\n", "mail_max_attempts"},
  };
  for (const auto& [toml, named] : cases) EXPECT_NE(error_of(toml).find(named), std::string::npos) << toml;
  EXPECT_EQ(error_of("[smtp]\nport = 65535\nsecurity = \"none\"\n"), "(no error)");
}

}  // namespace
