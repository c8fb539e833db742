// The whole program's settings: every module's section loaded together, the sample file in the
// docs, and `phobien` refusing to start on a bad file.
#include "app/modules.h"
#include "mail/settings.h"
#include "messaging/settings.h"
#include "stats/settings.h"
#include "support/process.h"
#include "support/settings.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace {

using testing_support::make_temp_dir;
using testing_support::write_settings_file;

std::optional<std::string> no_environment(const std::string&) { return std::nullopt; }

TEST(ProgramSettings, EveryKeyAndVariableIsDeclaredOnce) {
  std::set<std::string> keys, variables;
  for (const auto& section : app::settings_sections())
    for (const auto& s : section.settings) {
      EXPECT_TRUE(keys.insert(std::string(s.key)).second) << s.key;
      EXPECT_TRUE(variables.insert(s.env).second) << s.env;
    }
  EXPECT_TRUE(keys.contains("smtp.host"));
  EXPECT_TRUE(keys.contains("question_pow_bits"));
}

TEST(ProgramSettings, TheSampleInTheDocsIsValid) {
  auto c = core::load_config(std::string(PHOBIEN_SOURCE_DIR) + "/docs/phobien.example.toml", no_environment,
                             app::settings_sections());
  EXPECT_EQ(c.section<mail::Settings>().smtp.from, "Cổng PBGDPL <no-reply@example.gov.vn>");
  EXPECT_EQ(c.trusted_proxies, std::vector<std::string>{"127.0.0.1"});
}

TEST(ProgramSettings, ModuleSectionsMeetInOneFile) {
  auto c = core::load_config(write_settings_file("workers = 2\n[smtp]\nhost = \"smtp.example\"\n[messenger]\napp_secret = \"s3cret\"\n"),
                             no_environment, app::settings_sections());
  EXPECT_EQ(c.worker_threads, 2u);
  EXPECT_EQ(c.section<mail::Settings>().smtp.host, "smtp.example");
  EXPECT_TRUE(c.section<messaging::Settings>().messenger.enabled());
}

TEST(ProgramSettings, SendingReportsUpwardsNeedsAnAddressAndAToken) {
  auto environment = [](std::map<std::string, std::string> vars) {
    return [vars](const std::string& name) -> std::optional<std::string> {
      auto it = vars.find(name);
      return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
  };
  auto c = core::load_config("", environment({{"PHOBIEN_UPLINK_URL", "https://bo.example/api/v1/stats/exchange"}, {"PHOBIEN_UPLINK_TOKEN", "pbt_x"}}),
                             app::settings_sections());
  EXPECT_TRUE(c.section<stats::Settings>().uplink.enabled());
  EXPECT_EQ(c.section<stats::Settings>().uplink.max_attempts, 12);
  EXPECT_FALSE(core::load_config("", no_environment, app::settings_sections()).section<stats::Settings>().uplink.enabled());
  EXPECT_THROW(core::load_config("", environment({{"PHOBIEN_UPLINK_URL", "https://bo.example/x"}}), app::settings_sections()),
               std::invalid_argument);
  EXPECT_THROW(core::load_config("", environment({{"PHOBIEN_UPLINK_URL", "ftp://bo.example/x"}, {"PHOBIEN_UPLINK_TOKEN", "t"}}),
                                 app::settings_sections()),
               std::invalid_argument);
}

TEST(ProgramSettings, ServeRefusesAFileWithAnUnknownKey) {
  auto path = write_settings_file("[smtp]\nhost = \"127.0.0.1\"\nsecurty = \"none\"\n");
  auto r = testing_support::run_phobien({"serve", "--config", path, "--data", make_temp_dir(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("smtp.securty"), std::string::npos) << r.output;
  r = testing_support::run_phobien({"migrate", "--data", make_temp_dir()}, "", {{"PHOBIEN_CONFIG", path}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("smtp.securty"), std::string::npos) << r.output;
}

TEST(ProgramSettings, ServeRefusesAMalformedSender) {
  auto path = write_settings_file("[smtp]\nhost = \"127.0.0.1\"\nfrom = \"PhoBien no-reply@\"\n");
  auto r = testing_support::run_phobien({"serve", "--config", path, "--data", make_temp_dir(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("smtp.from"), std::string::npos) << r.output;
}

}  // namespace
