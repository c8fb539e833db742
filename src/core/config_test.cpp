#include "core/config.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace core {

namespace {
// Sets one variable for the scope of a test.
struct ScopedEnv {
  const char* name;
  ScopedEnv(const char* n, const char* value) : name(n) { ::setenv(n, value, 1); }
  ~ScopedEnv() { ::unsetenv(name); }
};
}  // namespace

TEST(Config, QuestionPowBitsDefaultsAndReadsTheEnvironment) {
  EXPECT_EQ(Config{}.question_pow_bits, 17);
  {
    ScopedEnv e("PHOBIEN_QUESTION_POW_BITS", "0");
    EXPECT_EQ(config_from_environment().question_pow_bits, 0);
  }
  {
    ScopedEnv e("PHOBIEN_QUESTION_POW_BITS", "28");
    EXPECT_EQ(config_from_environment().question_pow_bits, 28);
  }
  for (const char* bad : {"29", "-1", "abc", "12x"}) {
    ScopedEnv e("PHOBIEN_QUESTION_POW_BITS", bad);
    EXPECT_THROW(config_from_environment(), std::invalid_argument) << bad;
  }
}

}  // namespace core
