// The settings loader: the TOML file, environment variables over it, a module's section parsed
// by the same rules as core's own settings, and clear errors for keys that do not exist (a typo
// must not leave a setting at its default unnoticed). Each module's section has its own test.
#include "core/config.h"
#include "core/settings.h"
#include "support/settings.h"

#include <gtest/gtest.h>

#include <utility>

namespace {

using testing_support::FakeEnvironment;
using testing_support::write_settings_file;

// A module's section as a feature would declare it.
struct Relay {
  std::string host;
  int port = 587;
  std::vector<std::string> peers;
  bool strict = false;
  std::int64_t keep_days = 30;
};

constexpr core::Setting<Relay> kRelaySettings[] = {
    {"relay.host", +[](Relay& r) -> auto& { return r.host; }},
    {"relay.port", +[](Relay& r) -> auto& { return r.port; }},
    {"relay.peers", +[](Relay& r) -> auto& { return r.peers; }},
    {"relay_strict", +[](Relay& r) -> auto& { return r.strict; }},
    {"relay_keep_days", +[](Relay& r) -> auto& { return r.keep_days; }},
};

void validate_relay(const Relay& r) {
  if (r.port < 1 || r.port > 65535) throw std::invalid_argument("relay.port (PHOBIEN_RELAY_PORT) phải từ 1 đến 65535");
}

std::span<const core::SettingsSection> sections() {
  static const core::SettingsSection all[] = {core::settings_section<Relay>(kRelaySettings, validate_relay)};
  return all;
}

core::Config load(const std::string& file, FakeEnvironment env = {}) {
  return core::load_config(file, testing_support::fake_environment(std::move(env)), sections());
}

const char* kFile = R"(
listen = "0.0.0.0:9090"
base_url = "https://pbgdpl.example.gov.vn"
trusted_proxies = ["127.0.0.1", "10.0.0.0/8"]
secure_cookies = true
workers = 4
relay_strict = true
relay_keep_days = 7

[relay]
host = "smtp.example.gov.vn"
port = 465
peers = ["a", "b"]
)";

TEST(ConfigFile, ValuesComeFromTheFile) {
  auto c = load(write_settings_file(kFile));
  EXPECT_EQ(c.listen, "0.0.0.0:9090");
  EXPECT_EQ(c.base_url, "https://pbgdpl.example.gov.vn");
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"127.0.0.1", "10.0.0.0/8"}));
  EXPECT_TRUE(c.secure_cookies);
  EXPECT_EQ(c.worker_threads, 4u);
  const auto& relay = c.section<Relay>();
  EXPECT_EQ(relay.host, "smtp.example.gov.vn");
  EXPECT_EQ(relay.port, 465);
  EXPECT_EQ(relay.peers, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(relay.strict);
  EXPECT_EQ(relay.keep_days, 7);
  EXPECT_EQ(c.data_dir, "./var") << "what the file does not set keeps its default";
}

TEST(ConfigFile, DefaultsWithoutAFile) {
  auto c = load("");
  EXPECT_EQ(c.listen, "127.0.0.1:8080");
  const Relay& relay = c.section<Relay>();
  EXPECT_EQ(relay.host, "");
  EXPECT_EQ(relay.port, 587);
  EXPECT_EQ(relay.keep_days, 30);
  // The loaded section is the one a module keeps a reference to: setting it later is seen there.
  const Relay* kept = &std::as_const(c).section<Relay>();
  c.section<Relay>().port = 25;
  EXPECT_EQ(kept->port, 25);
}

TEST(ConfigFile, EachSettingsVariableIsItsKeyInCapitals) {
  EXPECT_EQ(core::setting_variable("smtp.host"), "PHOBIEN_SMTP_HOST");
  EXPECT_EQ(core::setting_variable("relay_keep_days"), "PHOBIEN_RELAY_KEEP_DAYS");
  EXPECT_EQ(core::setting_variable("data"), "PHOBIEN_DATA");
}

TEST(ConfigFile, EnvironmentOverridesTheFile) {
  auto path = write_settings_file(kFile);
  auto c = load(path, {{"PHOBIEN_RELAY_HOST", "relay.local"},
                       {"PHOBIEN_RELAY_PORT", "2525"},
                       {"PHOBIEN_RELAY_PEERS", "x, y ,z"},
                       {"PHOBIEN_RELAY_STRICT", "off"},
                       {"PHOBIEN_LISTEN", "127.0.0.1:1"}});
  EXPECT_EQ(c.section<Relay>().host, "relay.local");
  EXPECT_EQ(c.section<Relay>().port, 2525);
  EXPECT_EQ(c.section<Relay>().peers, (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_FALSE(c.section<Relay>().strict);
  EXPECT_EQ(c.listen, "127.0.0.1:1");
  EXPECT_EQ(c.section<Relay>().keep_days, 7) << "from the file";

  // PHOBIEN_CONFIG names the file when no flag does; the flag wins over it.
  EXPECT_EQ(load("", {{"PHOBIEN_CONFIG", path}}).section<Relay>().host, "smtp.example.gov.vn");
  auto other = write_settings_file("[relay]\nhost = \"flag.example\"\n");
  EXPECT_EQ(load(other, {{"PHOBIEN_CONFIG", path}}).section<Relay>().host, "flag.example");
}

std::string error_of(const std::string& toml, FakeEnvironment env = {}) {
  return testing_support::settings_error(toml, std::move(env), sections());
}

TEST(ConfigFile, UnknownKeysAreErrorsNamingTheKey) {
  EXPECT_NE(error_of("[relay]\nhots = \"x\"\n").find("\"relay.hots\""), std::string::npos);
  EXPECT_NE(error_of("lissten = \"x\"\n").find("\"lissten\""), std::string::npos);
  EXPECT_NE(error_of("[mail]\nmax_attempts = 3\n").find("\"mail.max_attempts\""), std::string::npos);
  EXPECT_NE(error_of("[relay.tls]\nverify = true\n").find("\"relay.tls\""), std::string::npos);
  // A module's key is unknown when its section is not loaded.
  try {
    core::load_config(write_settings_file("[relay]\nhost = \"x\"\n"), testing_support::fake_environment({}), {});
    ADD_FAILURE() << "relay.host without its section";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("\"relay.host\""), std::string::npos);
  }
}

TEST(ConfigFile, MalformedValuesAreErrors) {
  EXPECT_NE(error_of("[relay]\nport = \"abc\"\n").find("relay.port"), std::string::npos);
  EXPECT_NE(error_of("[relay]\nport = 70000\n").find("relay.port"), std::string::npos) << "the section's own check";
  EXPECT_NE(error_of("relay_keep_days = -1\n").find("relay_keep_days"), std::string::npos);
  EXPECT_NE(error_of("[relay]\nhost = [\"a\"]\n").find("không nhận một danh sách"), std::string::npos);
  EXPECT_NE(error_of("workers = 1.5\n").find("workers"), std::string::npos);
  EXPECT_NE(error_of("listen = [\"a\"]\n").find("listen"), std::string::npos);
  EXPECT_NE(error_of("listen = \"nowhere\"\n").find("HOST:PORT"), std::string::npos);
  EXPECT_NE(error_of("", {{"PHOBIEN_RELAY_PORT", "x"}}).find("PHOBIEN_RELAY_PORT"), std::string::npos);
  EXPECT_NE(error_of("", {{"PHOBIEN_RELAY_PORT", "99999999999"}}).find("quá lớn"), std::string::npos);
  EXPECT_NE(error_of("listen = \"unterminated\n").find("dòng 1"), std::string::npos) << "syntax errors give the line";
  try {
    load("/nonexistent/phobien.toml");
    ADD_FAILURE() << "a missing file named explicitly is an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/phobien.toml"), std::string::npos);
  }
}

}  // namespace
