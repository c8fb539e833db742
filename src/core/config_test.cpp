// The TOML configuration file: its values, environment variables over it, and clear errors for
// keys that do not exist (a typo must not leave a setting at its default unnoticed).
#include "core/config.h"
#include "support/process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace {

using testing_support::make_temp_dir;

std::string write_file(const std::string& text) {
  auto path = make_temp_dir() + "/phobien.toml";
  std::ofstream(path) << text;
  return path;
}

core::Environment fake_env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const char* kFile = R"(
listen = "0.0.0.0:9090"
base_url = "https://pbgdpl.example.gov.vn"
trusted_proxies = ["127.0.0.1", "10.0.0.0/8"]
secure_cookies = true
workers = 4
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

[messenger]
app_secret = "s3cret"
)";

TEST(ConfigFile, ValuesComeFromTheFile) {
  auto c = core::load_config(write_file(kFile), fake_env({}));
  EXPECT_EQ(c.listen, "0.0.0.0:9090");
  EXPECT_EQ(c.base_url, "https://pbgdpl.example.gov.vn");
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"127.0.0.1", "10.0.0.0/8"}));
  EXPECT_TRUE(c.secure_cookies);
  EXPECT_EQ(c.worker_threads, 4u);
  EXPECT_EQ(c.mail_max_attempts, 4);
  EXPECT_EQ(c.mail_retry_base_seconds, 30);
  EXPECT_EQ(c.mail_retention_days, 7);
  EXPECT_TRUE(c.smtp.enabled());
  EXPECT_EQ(c.smtp.host, "smtp.example.gov.vn");
  EXPECT_EQ(c.smtp.port, 465);
  EXPECT_EQ(c.smtp.username, "pbgdpl");
  EXPECT_EQ(c.smtp.password, "mật-khẩu");
  EXPECT_EQ(c.smtp.from, "Cổng PBGDPL <no-reply@example.gov.vn>");
  EXPECT_EQ(c.smtp.security, "tls");
  EXPECT_EQ(c.smtp.timeout_seconds, 15);
  EXPECT_EQ(c.messenger.app_secret, "s3cret");
  EXPECT_EQ(c.data_dir, "./var") << "what the file does not set keeps its default";
}

TEST(ConfigFile, TheSampleInTheDocsIsValid) {
  auto c = core::load_config(std::string(PHOBIEN_SOURCE_DIR) + "/docs/phobien.example.toml", fake_env({}));
  EXPECT_EQ(c.smtp.from, "Cổng PBGDPL <no-reply@example.gov.vn>");
  EXPECT_EQ(c.trusted_proxies, std::vector<std::string>{"127.0.0.1"});
}

TEST(ConfigFile, DefaultsWithoutAFile) {
  auto c = core::load_config("", fake_env({}));
  EXPECT_FALSE(c.smtp.enabled());
  EXPECT_EQ(c.smtp.port, 587);
  EXPECT_EQ(c.smtp.security, "starttls");
  EXPECT_EQ(c.smtp.from, "PhoBien <no-reply@localhost>");
  EXPECT_EQ(c.mail_max_attempts, 6);
  EXPECT_EQ(c.mail_retention_days, 30);
}

TEST(ConfigFile, EnvironmentOverridesTheFile) {
  auto path = write_file(kFile);
  auto c = core::load_config(path, fake_env({{"PHOBIEN_SMTP_HOST", "relay.local"},
                                             {"PHOBIEN_SMTP_PORT", "2525"},
                                             {"PHOBIEN_SMTP_SECURITY", "none"},
                                             {"PHOBIEN_SMTP_USERNAME", "other"},
                                             {"PHOBIEN_SMTP_PASSWORD", "pw"},
                                             {"PHOBIEN_SMTP_FROM", "x@y.vn"},
                                             {"PHOBIEN_LISTEN", "127.0.0.1:1"},
                                             {"PHOBIEN_MAIL_MAX_ATTEMPTS", "2"}}));
  EXPECT_EQ(c.smtp.host, "relay.local");
  EXPECT_EQ(c.smtp.port, 2525);
  EXPECT_EQ(c.smtp.security, "none");
  EXPECT_EQ(c.smtp.username, "other");
  EXPECT_EQ(c.smtp.password, "pw");
  EXPECT_EQ(c.smtp.from, "x@y.vn");
  EXPECT_EQ(c.listen, "127.0.0.1:1");
  EXPECT_EQ(c.mail_max_attempts, 2);
  EXPECT_EQ(c.smtp.timeout_seconds, 15) << "from the file";

  // PHOBIEN_CONFIG names the file when no flag does; the flag wins over it.
  EXPECT_EQ(core::load_config("", fake_env({{"PHOBIEN_CONFIG", path}})).smtp.host, "smtp.example.gov.vn");
  auto other = write_file("[smtp]\nhost = \"flag.example\"\n");
  EXPECT_EQ(core::load_config(other, fake_env({{"PHOBIEN_CONFIG", path}})).smtp.host, "flag.example");
}

std::string error_of(const std::string& toml, std::map<std::string, std::string> env = {}) {
  try {
    core::load_config(write_file(toml), fake_env(std::move(env)));
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ConfigFile, UnknownKeysAreErrorsNamingTheKey) {
  EXPECT_NE(error_of("[smtp]\nhots = \"x\"\n").find("\"smtp.hots\""), std::string::npos);
  EXPECT_NE(error_of("lissten = \"x\"\n").find("\"lissten\""), std::string::npos);
  EXPECT_NE(error_of("[mail]\nmax_attempts = 3\n").find("\"mail.max_attempts\""), std::string::npos);
  EXPECT_NE(error_of("[smtp.tls]\nverify = true\n").find("\"smtp.tls\""), std::string::npos);
}

TEST(ConfigFile, MalformedValuesAreErrors) {
  EXPECT_NE(error_of("[smtp]\nport = \"abc\"\n").find("smtp.port"), std::string::npos);
  EXPECT_NE(error_of("[smtp]\nport = 70000\n").find("smtp.port"), std::string::npos);
  EXPECT_NE(error_of("[smtp]\nsecurity = \"ssl\"\n").find("starttls, tls hoặc none"), std::string::npos);
  EXPECT_NE(error_of("mail_max_attempts = 0\n").find("mail_max_attempts"), std::string::npos);
  EXPECT_NE(error_of("workers = 1.5\n").find("workers"), std::string::npos);
  EXPECT_NE(error_of("listen = [\"a\"]\n").find("listen"), std::string::npos);
  EXPECT_NE(error_of("", {{"PHOBIEN_SMTP_PORT", "x"}}).find("PHOBIEN_SMTP_PORT"), std::string::npos);
  EXPECT_NE(error_of("listen = \"unterminated\n").find("dòng 1"), std::string::npos) << "syntax errors give the line";
  try {
    core::load_config("/nonexistent/phobien.toml", fake_env({}));
    ADD_FAILURE() << "a missing file named explicitly is an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/phobien.toml"), std::string::npos);
  }
}

TEST(ConfigFile, ServeRefusesAFileWithAnUnknownKey) {
  auto path = write_file("[smtp]\nhost = \"127.0.0.1\"\nsecurty = \"none\"\n");
  auto r = testing_support::run_phobien({"serve", "--config", path, "--data", make_temp_dir(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("smtp.securty"), std::string::npos) << r.output;
  r = testing_support::run_phobien({"migrate", "--data", make_temp_dir()}, "", {{"PHOBIEN_CONFIG", path}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("smtp.securty"), std::string::npos) << r.output;
}

TEST(ConfigFile, ServeRefusesAMalformedSender) {
  auto path = write_file("[smtp]\nhost = \"127.0.0.1\"\nfrom = \"PhoBien no-reply@\"\n");
  auto r = testing_support::run_phobien({"serve", "--config", path, "--data", make_temp_dir(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("smtp.from"), std::string::npos) << r.output;
}

TEST(ConfigFile, QuestionPowBitsDefaultsAndIsChecked) {
  EXPECT_EQ(core::load_config("", fake_env({})).question_pow_bits, 17);
  EXPECT_EQ(core::load_config("", fake_env({{"PHOBIEN_QUESTION_POW_BITS", "0"}})).question_pow_bits, 0);
  EXPECT_EQ(core::load_config("", fake_env({{"PHOBIEN_QUESTION_POW_BITS", "28"}})).question_pow_bits, 28);
  for (const char* bad : {"29", "-1", "abc", "12x"})
    EXPECT_THROW(core::load_config("", fake_env({{"PHOBIEN_QUESTION_POW_BITS", bad}})), std::invalid_argument) << bad;
}

}  // namespace
