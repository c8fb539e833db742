#include "core/enum_names.h"

#include <gtest/gtest.h>

namespace core {
namespace {

enum class Colour { red, green, blue };
constexpr auto kColourNames = std::to_array<EnumName<Colour>>({
    {Colour::red, "red", "Đỏ"},
    {Colour::green, "green", "Xanh lá"},
});

static_assert(slug_of(kColourNames, Colour::green, "red") == "green");
static_assert(parse_slug(kColourNames, "red") == Colour::red);

}  // namespace

TEST(EnumNames, LooksUpSlugsLabelsAndValues) {
  EXPECT_EQ(slug_of(kColourNames, Colour::red, "?"), "red");
  EXPECT_EQ(label_of(kColourNames, Colour::green), "Xanh lá");
  EXPECT_EQ(parse_slug(kColourNames, "green"), Colour::green);
  EXPECT_EQ(values_of(kColourNames), (std::vector<Colour>{Colour::red, Colour::green}));
}

TEST(EnumNames, UnlistedValuesAndUnknownSlugsFallBack) {
  EXPECT_EQ(slug_of(kColourNames, Colour::blue, "red"), "red");
  EXPECT_EQ(label_of(kColourNames, Colour::blue), "");
  EXPECT_FALSE(parse_slug(kColourNames, "Red"));
  EXPECT_FALSE(parse_slug(kColourNames, ""));
}

}  // namespace core
