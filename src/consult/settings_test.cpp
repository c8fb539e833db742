// The consultation module's settings: proof of work, askers' limits and retention.
#include "consult/settings.h"
#include "support/settings.h"

#include <gtest/gtest.h>

namespace {

consult::Settings load(testing_support::FakeEnvironment env) {
  const core::SettingsSection sections[] = {consult::settings_section()};
  return testing_support::load_settings("", std::move(env), sections).section<consult::Settings>();
}

TEST(ConsultSettings, QuestionPowBitsDefaultsAndIsChecked) {
  EXPECT_EQ(load({}).question_pow_bits, 17);
  EXPECT_EQ(load({{"PHOBIEN_QUESTION_POW_BITS", "0"}}).question_pow_bits, 0);
  EXPECT_EQ(load({{"PHOBIEN_QUESTION_POW_BITS", "28"}}).question_pow_bits, 28);
  for (const char* bad : {"29", "-1", "abc", "12x"})
    EXPECT_THROW(load({{"PHOBIEN_QUESTION_POW_BITS", bad}}), std::invalid_argument) << bad;
}

TEST(ConsultSettings, LimitsAndRetention) {
  auto s = load({{"PHOBIEN_QUESTION_LIMIT_PER_IP", "9"},
                 {"PHOBIEN_QUESTION_LIMIT_PER_CONTACT", "2"},
                 {"PHOBIEN_QUESTION_RETENTION_DAYS", "0"}});
  EXPECT_EQ(s.question_per_ip.max, 9);
  EXPECT_EQ(s.question_per_ip.window, 3600) << "the window is not a setting";
  EXPECT_EQ(s.question_per_contact.max, 2);
  EXPECT_EQ(s.question_retention_days, 0);
  EXPECT_EQ(load({}).question_retention_days, 365);
}

}  // namespace
