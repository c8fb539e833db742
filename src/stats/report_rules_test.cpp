// The reports' pure rules: reading figures, who may do what on which unit, the workflow, the
// roll-up on two- and three-level trees, and the standard periods.
#include "stats/report_rules.h"

#include <gtest/gtest.h>

namespace {

using namespace stats;
using auth::Role;
using units::UnitLevel;

std::vector<Indicator> catalogue() {
  return {{1, "TT_SO_CUOC", "1", "Số cuộc", "cuộc", "", "", 1, true},
          {2, "TT_TAP_HUAN", "1", "Trong đó: tập huấn", "cuộc", "TT_SO_CUOC", "", 2, true},
          {3, "KP_TONG", "9", "Kinh phí", "đồng", "", "", 3, true},
          {4, "CU", "9", "Chỉ tiêu cũ", "cuộc", "", "", 4, false}};
}

units::UnitTree two_levels() {
  return units::UnitTree({{"01", "Tỉnh Mẫu", UnitLevel::province, ""},
                          {"01-STP", "Sở Tư pháp", UnitLevel::agency, "01"},
                          {"00100", "Xã Một", UnitLevel::commune, "01"},
                          {"00200", "Xã Hai", UnitLevel::commune, "01"}},
                         "01");
}

units::UnitTree three_levels() {
  return units::UnitTree({{"01", "Tỉnh Mẫu", UnitLevel::province, ""},
                          {"H1", "Huyện Một", UnitLevel::district, "01"},
                          {"H2", "Huyện Hai", UnitLevel::district, "01"},
                          {"00100", "Xã Một", UnitLevel::commune, "H1"},
                          {"00200", "Xã Hai", UnitLevel::commune, "H1"},
                          {"00300", "Xã Ba", UnitLevel::commune, "H2"}},
                         "01");
}

TEST(ReadFigures, AcceptsPlainAndGroupedWholeNumbersAndBlankAsZero) {
  auto read = read_figures(catalogue(), {{"TT_SO_CUOC", " 12 "}, {"TT_TAP_HUAN", ""}, {"KP_TONG", "1.200.000"}});
  EXPECT_TRUE(read.problems.empty());
  EXPECT_EQ(read.figures.at("TT_SO_CUOC"), 12);
  EXPECT_EQ(read.figures.at("TT_TAP_HUAN"), 0);
  EXPECT_EQ(read.figures.at("KP_TONG"), 1200000);
  EXPECT_FALSE(read.figures.count("CU"));  // inactive indicators are not asked
  EXPECT_EQ(read_figures(catalogue(), {{"KP_TONG", "3 500 000"}}).figures.at("KP_TONG"), 3500000);
}

TEST(ReadFigures, RefusesNegativeFractionalTextAndHugeNumbersInVietnamese) {
  auto read = read_figures(catalogue(), {{"TT_SO_CUOC", "-3"}, {"TT_TAP_HUAN", "1,5"}, {"KP_TONG", "mười"}});
  EXPECT_EQ(read.problems.at("TT_SO_CUOC"), "không được là số âm");
  EXPECT_EQ(read.problems.at("TT_TAP_HUAN"), "phải là số nguyên không âm, ví dụ 120 hoặc 1.200.000");
  EXPECT_TRUE(read.problems.count("KP_TONG"));
  EXPECT_TRUE(read_figures(catalogue(), {{"KP_TONG", "1.20.000"}}).problems.count("KP_TONG"));
  EXPECT_EQ(read_figures(catalogue(), {{"KP_TONG", "9999999999999999"}}).problems.at("KP_TONG"), "phải là số nguyên không âm, ví dụ 120 hoặc 1.200.000");
  EXPECT_EQ(read_figures(catalogue(), {{"KP_TONG", std::string(40, '1')}}).problems.at("KP_TONG"), "quá dài");
}

TEST(ReadFigures, APartMayNotExceedItsTotal) {
  auto read = read_figures(catalogue(), {{"TT_SO_CUOC", "3"}, {"TT_TAP_HUAN", "5"}});
  ASSERT_TRUE(read.problems.count("TT_TAP_HUAN"));
  EXPECT_EQ(read.problems.at("TT_TAP_HUAN"), "(5) không được lớn hơn «Số cuộc» (3)");
  EXPECT_TRUE(read_figures(catalogue(), {{"TT_SO_CUOC", "5"}, {"TT_TAP_HUAN", "5"}}).problems.empty());
}

TEST(CheckFigures, NamesUnknownCodesAndNegativeValues) {
  auto problems = check_figures(catalogue(), {{"NOPE", 1}, {"KP_TONG", -1}});
  EXPECT_EQ(problems.at("NOPE"), "không có chỉ tiêu mang mã này");
  EXPECT_EQ(problems.at("KP_TONG"), "không được là số âm");
}

TEST(CheckIndicator, RefusesEachBadFieldByName) {
  Indicator ok{0, "TT_MOI", "1", "Chỉ tiêu mới", "cuộc", "TT_SO_CUOC", "portal.posts_published", 5, true};
  EXPECT_TRUE(check_indicator(ok, catalogue(), {"portal.posts_published"}, true).empty());
  Indicator bad{0, "tt moi", "", "", "", "TT_TAP_HUAN", "khong.co", -1, true};
  auto problems = check_indicator(bad, catalogue(), {}, true);
  for (const char* field : {"code", "group", "name", "measure", "part_of", "source_key", "position"}) EXPECT_TRUE(problems.count(field)) << field;
  EXPECT_EQ(problems.at("part_of"), "«Trong đó: tập huấn» đã là một phần của chỉ tiêu khác.");
  Indicator taken = ok;
  taken.code = "KP_TONG";
  EXPECT_EQ(check_indicator(taken, catalogue(), {"portal.posts_published"}, true).at("code"), "Mã này đã có trong danh mục.");
  EXPECT_FALSE(check_indicator(taken, catalogue(), {"portal.posts_published"}, false).count("code"));  // changing it: its own code
  Indicator self = ok;
  self.code = "TT_SO_CUOC";
  EXPECT_TRUE(check_indicator(self, catalogue(), {"portal.posts_published"}, false).count("part_of"));
}

TEST(ReportAccess, ReporterEntersOnlyTheirOwnUnit) {
  auto tree = two_levels();
  ReportActor commune{Role::reporter, "00100"};
  EXPECT_TRUE(can_enter(commune, tree, "00100"));
  EXPECT_FALSE(can_enter(commune, tree, "00200"));
  EXPECT_TRUE(can_read(commune, tree, "00100"));
  EXPECT_FALSE(can_read(commune, tree, "00200"));
  EXPECT_FALSE(can_read(commune, tree, "01"));
  EXPECT_FALSE(can_approve(commune, tree, "00100"));
  EXPECT_FALSE(can_enter({Role::reporter, std::nullopt}, tree, "00100"));
}

TEST(ReportAccess, ApproverActsOnlyBelowTheirUnit) {
  auto tree = three_levels();
  ReportActor district{Role::approver, "H1"};
  EXPECT_TRUE(can_approve(district, tree, "00100"));
  EXPECT_FALSE(can_approve(district, tree, "H1"));     // not their own unit
  EXPECT_FALSE(can_approve(district, tree, "00300"));  // another district's commune
  EXPECT_TRUE(can_read(district, tree, "H1"));
  EXPECT_FALSE(can_read(district, tree, "H2"));
  EXPECT_FALSE(can_enter(district, tree, "00100"));
  ReportActor province{Role::approver, "01"};
  EXPECT_TRUE(can_approve(province, tree, "H2"));
  EXPECT_TRUE(can_approve(province, tree, "00300"));
  EXPECT_FALSE(can_approve(province, tree, "01"));
}

TEST(ReportAccess, AdminActsOnEveryUnitOfTheTreeOnlyAndOtherRolesOnNone) {
  auto tree = two_levels();
  ReportActor admin{Role::admin, std::nullopt};
  EXPECT_TRUE(can_enter(admin, tree, "00100"));
  EXPECT_TRUE(can_approve(admin, tree, "01"));
  EXPECT_FALSE(can_read(admin, tree, "99999"));
  ReportActor editor{Role::editor, "01"};
  EXPECT_FALSE(can_read(editor, tree, "00100"));
  EXPECT_FALSE(can_enter(editor, tree, "01"));
}

TEST(ReportWorkflow, StepsFollowTheStatus) {
  EXPECT_TRUE(editable(ReportStatus::draft));
  EXPECT_TRUE(editable(ReportStatus::returned));
  EXPECT_FALSE(editable(ReportStatus::submitted));
  EXPECT_FALSE(editable(ReportStatus::approved));
  EXPECT_TRUE(can_decide(ReportStatus::submitted));
  EXPECT_FALSE(can_decide(ReportStatus::approved));
  EXPECT_FALSE(can_decide(ReportStatus::returned));
}

TEST(RollUp, SumsApprovedFiguresOverATwoLevelTree) {
  auto tree = two_levels();
  std::map<std::string, Figures> approved = {{"01-STP", {{"TT_SO_CUOC", 4}}},
                                             {"00100", {{"TT_SO_CUOC", 2}, {"KP_TONG", 1000}}},
                                             {"01", {{"TT_SO_CUOC", 1}}}};
  auto all = roll_up(tree, approved, "01");
  EXPECT_EQ(all.totals.at("TT_SO_CUOC"), 7);
  EXPECT_EQ(all.totals.at("KP_TONG"), 1000);
  EXPECT_EQ(all.units, 4);
  EXPECT_EQ(all.approved, 3);
  auto one = roll_up(tree, approved, "00100");
  EXPECT_EQ(one.totals.at("TT_SO_CUOC"), 2);
  EXPECT_EQ(one.units, 1);
}

TEST(RollUp, SumsThroughDistrictsOfAThreeLevelTree) {
  auto tree = three_levels();
  std::map<std::string, Figures> approved = {{"00100", {{"TT_SO_CUOC", 2}}},
                                             {"00200", {{"TT_SO_CUOC", 3}}},
                                             {"H1", {{"TT_SO_CUOC", 10}}},
                                             {"00300", {{"TT_SO_CUOC", 5}}}};
  EXPECT_EQ(roll_up(tree, approved, "H1").totals.at("TT_SO_CUOC"), 15);
  EXPECT_EQ(roll_up(tree, approved, "H2").totals.at("TT_SO_CUOC"), 5);
  auto province = roll_up(tree, approved, "01");
  EXPECT_EQ(province.totals.at("TT_SO_CUOC"), 20);
  EXPECT_EQ(province.units, 6);
  EXPECT_EQ(province.approved, 4);
}

TEST(StandardPeriod, HalvesAndYearsWithTheirDeadlines) {
  auto h1 = standard_period("2026-H1");
  ASSERT_TRUE(h1);
  EXPECT_EQ(h1->name, "6 tháng đầu năm 2026");
  EXPECT_EQ(h1->starts_on, "2026-01-01");
  EXPECT_EQ(h1->ends_on, "2026-06-30");
  EXPECT_EQ(h1->due_on, "2026-07-15");
  auto h2 = standard_period("2026-H2");
  ASSERT_TRUE(h2);
  EXPECT_EQ(h2->ends_on, "2026-12-31");
  EXPECT_EQ(h2->due_on, "2027-01-15");
  auto year = standard_period("2026");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->name, "Năm 2026");
  EXPECT_FALSE(standard_period("2026-H3"));
  EXPECT_FALSE(standard_period("26-H1"));
  EXPECT_FALSE(standard_period("2026-h1"));
  EXPECT_FALSE(standard_period(""));
}

TEST(Late, OnlyAfterTheDeadlineAndOnlyWithoutASubmittedReport) {
  auto p = *standard_period("2026-H1");
  EXPECT_FALSE(late(p, std::nullopt, "2026-07-15"));
  EXPECT_TRUE(late(p, std::nullopt, "2026-07-16"));
  EXPECT_TRUE(late(p, ReportStatus::returned, "2026-08-01"));
  EXPECT_FALSE(late(p, ReportStatus::submitted, "2026-08-01"));
  EXPECT_FALSE(late(p, ReportStatus::approved, "2026-08-01"));
}

}  // namespace
