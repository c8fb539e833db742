// The registry's and the activity log's rules: what a form must hold, in Vietnamese, and who acts
// on which unit by the tree.
#include "outreach/rules.h"

#include <gtest/gtest.h>

namespace outreach {
namespace {

units::UnitTree sample_tree() {
  using units::UnitLevel;
  return units::UnitTree({{"01", "Tỉnh Mẫu", UnitLevel::province, ""},
                          {"01-STP", "Sở Tư pháp", UnitLevel::agency, "01"},
                          {"00100", "Xã Một", UnitLevel::commune, "01"},
                          {"00200", "Xã Hai", UnitLevel::commune, "01"}},
                         "01");
}

ReporterForm good_reporter() {
  return {"Nguyễn Thị Lan", "01-STP", "bao-cao-vien", "cap-tinh", "125/QĐ-UBND", "2025-03-12", "Dân sự", "Phó Giám đốc Sở", "lan@stp.gov.vn", "0912 345 678"};
}

Problems problems_of(const std::variant<LegalReporter, Problems>& read) {
  return std::holds_alternative<Problems>(read) ? std::get<Problems>(read) : Problems{};
}

TEST(OutreachRules, AReporterIsReadWithKindAndLevelThatGoTogether) {
  const auto tree = sample_tree();
  auto read = read_reporter(good_reporter(), tree, "2026-12-06");
  ASSERT_TRUE(std::holds_alternative<LegalReporter>(read)) << problems_of(read).begin()->second;
  EXPECT_EQ(std::get<LegalReporter>(read).kind, ReporterKind::reporter);
  EXPECT_TRUE(std::get<LegalReporter>(read).active());

  auto form = good_reporter();
  form.level = "cap-xa";
  EXPECT_EQ(problems_of(read_reporter(form, tree, "2026-12-06")).at("level"), "Báo cáo viên pháp luật được công nhận ở trung ương hoặc cấp tỉnh.");
  form.kind = "tuyen-truyen-vien";
  EXPECT_TRUE(problems_of(read_reporter(form, tree, "2026-12-06")).empty());
  form.level = "cap-tinh";
  EXPECT_EQ(problems_of(read_reporter(form, tree, "2026-12-06")).at("level"), "Tuyên truyền viên pháp luật được công nhận ở cấp xã.");
}

TEST(OutreachRules, EveryBadFieldIsNamed) {
  ReporterForm bad{"A", "99", "khac", "cap-huyen", "", "2027-01-01", std::string(501, 'x'), "", "khong-phai-email", "09x"};
  auto problems = problems_of(read_reporter(bad, sample_tree(), "2026-12-06"));
  for (const char* field : {"full_name", "unit_code", "kind", "level", "decision_number", "decision_date", "fields", "email", "phone"})
    EXPECT_TRUE(problems.contains(field)) << field;
  EXPECT_EQ(problems.at("decision_date"), "Ngày quyết định phải là một ngày không sau hôm nay.");
  bad.decision_date = "2026-02-30";
  EXPECT_TRUE(problems_of(read_reporter(bad, sample_tree(), "2026-12-06")).contains("decision_date"));
}

TEST(OutreachRules, ReliefFallsBetweenRecognitionAndToday) {
  auto reporter = std::get<LegalReporter>(read_reporter(good_reporter(), sample_tree(), "2026-12-06"));
  EXPECT_TRUE(check_relief(reporter, "2026-06-30", "Nghỉ hưu", "2026-12-06").empty());
  EXPECT_TRUE(check_relief(reporter, "2025-01-01", "", "2026-12-06").contains("relieved_on"));
  EXPECT_TRUE(check_relief(reporter, "2026-12-07", "", "2026-12-06").contains("relieved_on"));
  EXPECT_TRUE(check_relief(reporter, "2026-06-30", std::string(501, 'x'), "2026-12-06").contains("relieved_reason"));
}

TEST(OutreachRules, AnActivityHeldIsReadWithItsParticipantsAndLeaders) {
  ActivityInput in{"00100", "hoi-nghi", "Hội nghị phổ biến Luật Đất đai 2024", "2026-11-09", "Hội trường xã", "truc-tiep",
                   "Cán bộ, nhân dân", "1.200", "Đề cương giới thiệu luật", {"3", "1", "3"}};
  auto read = read_activity(in, sample_tree(), "2026-12-06");
  ASSERT_TRUE(std::holds_alternative<Activity>(read));
  const auto& a = std::get<Activity>(read);
  EXPECT_EQ(a.participants, 1200);
  EXPECT_EQ(a.leaders, (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(a.kind, ActivityKind::conference);

  ActivityInput bad{"99", "tiec", "Hi", "2026-12-07", "", "qua-thu", std::string(301, 'x'), "mười", std::string(2001, 'x'), {"1.5"}};
  auto problems = std::get<Problems>(read_activity(bad, sample_tree(), "2026-12-06"));
  for (const char* field : {"unit_code", "kind", "title", "held_on", "place", "form", "audience", "participants", "materials", "leaders"})
    EXPECT_TRUE(problems.contains(field)) << field;
  EXPECT_EQ(problems.at("held_on"), "Chỉ ghi hoạt động đã diễn ra: ngày tổ chức không sau hôm nay.");
  in.participants = "10.000.001";
  EXPECT_TRUE(std::get<Problems>(read_activity(in, sample_tree(), "2026-12-06")).contains("participants"));
}

TEST(OutreachRules, PeopleActOnTheirUnitAndBelowAdminsOnAll) {
  const auto tree = sample_tree();
  const OutreachActor commune{auth::Role::reporter, "00100"}, province{auth::Role::approver, "01"}, admin{auth::Role::admin, std::nullopt},
      nowhere{auth::Role::approver, std::nullopt};
  EXPECT_TRUE(may_act_on(commune, tree, "00100"));
  EXPECT_FALSE(may_act_on(commune, tree, "00200"));
  EXPECT_FALSE(may_act_on(commune, tree, "01"));
  EXPECT_TRUE(may_act_on(province, tree, "00200"));
  EXPECT_TRUE(may_act_on(admin, tree, "01-STP"));
  EXPECT_FALSE(may_act_on(admin, tree, "02"));
  EXPECT_FALSE(may_act_on(nowhere, tree, "00100"));
  EXPECT_EQ(units_in_view(commune, tree), (std::vector<std::string>{"00100"}));
  EXPECT_EQ(units_in_view(admin, tree).size(), 4u);
  EXPECT_TRUE(units_in_view(nowhere, tree).empty());
}

TEST(OutreachRules, AListNarrowsToAUnitAndBelowOnlyWithinView) {
  const auto tree = sample_tree();
  const OutreachActor commune{auth::Role::reporter, "00100"}, admin{auth::Role::admin, std::nullopt};
  EXPECT_EQ(units_listed(commune, tree, ""), units_in_view(commune, tree));
  EXPECT_EQ(units_listed(commune, tree, "00100"), (std::vector<std::string>{"00100"}));
  EXPECT_EQ(units_listed(commune, tree, "00200"), std::nullopt);
  EXPECT_EQ(units_listed(commune, tree, "01"), std::nullopt);  // above one's unit
  EXPECT_EQ(units_listed(admin, tree, "01")->size(), 4u);
  EXPECT_EQ(units_listed(admin, tree, "02"), std::nullopt);  // not in the tree
}

}  // namespace
}  // namespace outreach
