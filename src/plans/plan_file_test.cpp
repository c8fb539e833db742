// A plan file read against the province's tree: the seed's own plan reads whole, agencies named
// relative to the province, and every problem named by its task.
#include "plans/plan_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace plans {
namespace {

units::UnitTree hue_tree() {
  using units::UnitLevel;
  std::vector<units::AdminUnit> units{{"46", "Thành phố Huế", UnitLevel::province, ""}, {"19753", "Phường Thuận Hóa", UnitLevel::commune, "46"}};
  for (const char* agency : {"46-STP", "46-SVHTTDL", "46-SNV", "46-SKHCN", "46-SGDDT"}) units.push_back({agency, agency, UnitLevel::agency, "46"});
  return units::UnitTree(units, "46");
}

TEST(PlanFile, TheSeedPlanReadsWholeForAnyProvince) {
  std::ifstream in(std::string(PHOBIEN_SOURCE_DIR) + "/content/plans/kh-1655-ubnd.json");
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = parse_plan_file(text.str(), hue_tree());
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.front();
  EXPECT_EQ(parsed.plan.code, "1655/KH-UBND");
  EXPECT_EQ(parsed.plan.issued_by, "46");
  ASSERT_EQ(parsed.plan.tasks.size(), 12u);
  EXPECT_EQ(parsed.plan.tasks[0].lead_unit, "46-STP");
  EXPECT_EQ(parsed.plan.tasks[0].position, 1);
  EXPECT_EQ(parsed.plan.tasks[9].lead_unit, "46-SKHCN");
}

TEST(PlanFile, EveryProblemIsNamedByItsTask) {
  auto parsed = parse_plan_file(R"({"code": "", "title": "KH", "issued_by": "99", "issued_on": "2026-13-01", "tasks": [
      {"title": "Xây dựng cổng", "lead": "-STP", "deadline": "2026-06-30"},
      {"title": "x", "lead": "-KHONG", "deadline": "30/06/2026"}, 7]})",
                                hue_tree());
  EXPECT_EQ(parsed.problems, (std::vector<std::string>{"\"code\": số hiệu kế hoạch, 1 đến 50 ký tự (ví dụ 1655/KH-UBND).",
                                                        "\"issued_by\": Không có đơn vị ban hành mang mã «99».",
                                                        "\"issued_on\": Ngày ban hành phải là một ngày (năm-tháng-ngày).",
                                                        "\"title\": Tên kế hoạch phải có từ 3 đến 500 ký tự.",
                                                        "nhiệm vụ 2 (\"deadline\"): Thời hạn phải là một ngày (năm-tháng-ngày).",
                                                        "nhiệm vụ 2 (\"lead\"): Không có đơn vị chủ trì mang mã «46-KHONG».",
                                                        "nhiệm vụ 2 (\"title\"): Tên nhiệm vụ phải có từ 3 đến 1.000 ký tự.",
                                                        "nhiệm vụ 3: phải là một đối tượng."}));
  EXPECT_FALSE(parse_plan_file("[1, 2]", hue_tree()).problems.empty());
  EXPECT_FALSE(parse_plan_file(R"({"code": "1/KH", "title": "Kế hoạch", "issued_on": "2026-01-01", "tasks": []})", hue_tree()).problems.empty());
  EXPECT_FALSE(parse_plan_file(std::string(2 << 20, ' '), hue_tree()).problems.empty());
  EXPECT_FALSE(parse_plan_file(R"({"code": "1/KH"})", units::UnitTree{}).problems.empty());
}

}  // namespace
}  // namespace plans
