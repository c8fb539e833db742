#include "core/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace core {

TEST(JsonDepth, CountsNestingOutsideStrings) {
  EXPECT_TRUE(json_depth_within(R"({"question": "a", "choices": {"A": "x", "B": "y"}})", 2));
  EXPECT_FALSE(json_depth_within(R"({"a": [[1]]})", 2));
  EXPECT_TRUE(json_depth_within(R"({"a": "[[[[[[{{{{"})", 1)) << "brackets in strings do not count";
  EXPECT_TRUE(json_depth_within(R"({"a": "\"[[[[", "b": 1})", 1)) << "an escaped quote does not end the string";
  EXPECT_TRUE(json_depth_within(R"(["\\", [1]])", 2)) << "an escaped backslash does end it";
  EXPECT_TRUE(json_depth_within(""));
}

TEST(JsonDepth, RefusesAHostileBodyQuickly) {
  EXPECT_FALSE(json_depth_within(std::string(12 * 1024 * 1024, '[')));
  EXPECT_FALSE(json_depth_within(std::string(kMaxJsonDepth + 1, '{')));
  EXPECT_TRUE(json_depth_within(std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']')));
}

}  // namespace core
