// The organisation tree: two levels (since 1 July 2025) and an older three-level tree with
// districts, walked in memory.
#include "units/unit_tree.h"

#include <gtest/gtest.h>

namespace {

using units::AdminUnit;
using units::UnitLevel;
using units::UnitTree;

UnitTree three_levels() {
  return UnitTree({{"00100", "Xã Bình An", UnitLevel::commune, "H01"},
                   {"H01", "Huyện Hòa Bình", UnitLevel::district, "01"},
                   {"01", "Tỉnh Mẫu", UnitLevel::province, ""},
                   {"01-STP", "Sở Tư pháp", UnitLevel::agency, "01"},
                   {"00200", "Xã An Phú", UnitLevel::commune, "H01"},
                   {"00300", "Phường Trung Tâm", UnitLevel::commune, "01"},
                   {"99999", "Xã của tỉnh khác", UnitLevel::commune, "02"}},
                  "01");
}

TEST(UnitTree, KeepsOnlyWhatHangsFromTheRoot) {
  auto tree = three_levels();
  EXPECT_EQ(tree.root().code, "01");
  EXPECT_TRUE(tree.contains("00100"));
  EXPECT_FALSE(tree.contains("99999"));
  EXPECT_FALSE(tree.contains("02"));
}

TEST(UnitTree, ChildrenAgenciesFirstThenDistrictsThenCommunesInVietnameseOrder) {
  auto tree = three_levels();
  EXPECT_EQ(tree.children("01"), (std::vector<std::string>{"01-STP", "H01", "00300"}));
  EXPECT_EQ(tree.children("H01"), (std::vector<std::string>{"00200", "00100"}));  // "An Phú" before "Bình An"
  EXPECT_TRUE(tree.children("00100").empty());
}

TEST(UnitTree, BelowIsStrictAndFollowsEveryLevel) {
  auto tree = three_levels();
  EXPECT_TRUE(tree.is_below("00100", "H01"));
  EXPECT_TRUE(tree.is_below("00100", "01"));
  EXPECT_FALSE(tree.is_below("H01", "H01"));
  EXPECT_TRUE(tree.is_within("H01", "H01"));
  EXPECT_FALSE(tree.is_below("00300", "H01"));  // a sibling's commune
  EXPECT_FALSE(tree.is_below("01", "00100"));
  EXPECT_FALSE(tree.is_below("99999", "01"));   // not in the tree
}

TEST(UnitTree, WalkGivesParentsBeforeChildrenWithDepth) {
  auto tree = three_levels();
  auto walk = tree.walk("01");
  ASSERT_EQ(walk.size(), 6u);
  EXPECT_EQ(walk[0].first->code, "01");
  EXPECT_EQ(walk[0].second, 0);
  EXPECT_EQ(walk[2].first->code, "H01");
  EXPECT_EQ(walk[3].first->code, "00200");
  EXPECT_EQ(walk[3].second, 2);
  EXPECT_EQ(walk.back().first->code, "00300");
  EXPECT_EQ(tree.walk("H01").size(), 3u);
  EXPECT_TRUE(tree.walk("nope").empty());
}

TEST(UnitTree, UnknownRootGivesAnEmptyTree) {
  UnitTree tree({{"01", "Tỉnh Mẫu", UnitLevel::province, ""}}, "02");
  EXPECT_TRUE(tree.empty());
  EXPECT_FALSE(tree.contains("01"));
}

}  // namespace
