// The organisation tree in the back office (/quan-tri/don-vi) on both databases: adding units by
// the level rules, renaming and moving without cycles, putting accounts in units by e-mail and
// taking them out, each refusal in Vietnamese, each change audited; only admins.
#include "auth/audit_log.h"
#include "support/fixtures.h"
#include "support/test_server.h"
#include "units/settings.h"
#include "units/unit_registry.h"

#include <gtest/gtest.h>

namespace {

using namespace testing_support;

class UnitsAdminTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam(), [](core::Config& c) {
      c.rate_limits_enabled = false;
      c.section<units::Settings>().province = "46";
    });
    if (!server_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set: PostgreSQL tests need a server (make test starts one)";
    using units::UnitLevel;
    ASSERT_TRUE(registry()
                    .import({{{"46", "Thành phố Huế", UnitLevel::province, ""},
                              {"19753", "Phường Thuận Hóa", UnitLevel::commune, "46"},
                              {"01", "Thành phố Hà Nội", UnitLevel::province, ""}},
                             {}},
                            {std::nullopt, "test"})
                    .problems.empty());
    server_->add_user("admin@x.vn", auth::Role::admin);
    server_->add_user("xa@x.vn", auth::Role::reporter);
    admin_ = server_->client();
    ASSERT_TRUE(admin_.login("admin@x.vn", kPassword));
  }

  units::UnitRegistry registry() { return units::UnitRegistry(server_->database()); }

  HttpResponse add(const std::string& code, const std::string& name, const std::string& level, const std::string& parent) {
    return admin_.post_form("/quan-tri/don-vi", {{"_csrf", admin_.csrf()}, {"code", code}, {"name", name}, {"level", level}, {"parent", parent}});
  }
  HttpResponse change(const std::string& code, const std::string& name, const std::string& parent) {
    return admin_.post_form("/quan-tri/don-vi/" + code, {{"_csrf", admin_.csrf()}, {"name", name}, {"parent", parent}});
  }

  std::unique_ptr<TestServer> server_;
  HttpClient admin_{0};
};

TEST_P(UnitsAdminTest, UnitsAreAddedByTheLevelRules) {
  auto added = add("46-STP", "Sở Tư pháp", "agency", "46");
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(*added.header("location"), "/quan-tri/don-vi/46-STP?da-them=1");
  EXPECT_EQ(registry().find("46-STP")->parent_code, "46");
  ASSERT_EQ(add("H-PV", "Thị xã Phong Điền (trước 2025)", "district", "46").status, 303);
  ASSERT_EQ(add("H-00001", "Xã Cũ", "commune", "H-PV").status, 303);
  EXPECT_TRUE(registry().tree("46").is_below("H-00001", "H-PV"));

  auto under_commune = add("00999", "Xã Mới", "commune", "19753");
  EXPECT_EQ(under_commune.status, 422);
  EXPECT_NE(under_commune.body.find("không thể trực thuộc Phường Thuận Hóa"), std::string::npos);
  auto other_province = add("00998", "Xã Khác", "commune", "01");
  EXPECT_EQ(other_province.status, 422);
  EXPECT_NE(other_province.body.find("Hãy chọn đơn vị cấp trên trong cây đơn vị của tỉnh"), std::string::npos);
  EXPECT_EQ(add("46-STP", "Trùng mã", "agency", "46").status, 422);
  EXPECT_EQ(add("46 stp", "Mã sai", "agency", "46").status, 422);
  EXPECT_EQ(add("46-X", "", "agency", "46").status, 422);
  EXPECT_EQ(add("46-Y", "Tỉnh mới", "province", "").status, 422);
  EXPECT_FALSE(registry().find("46-Y"));
  auto page = admin_.get("/quan-tri/don-vi");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Sở Tư pháp"), std::string::npos);
  EXPECT_EQ(page.body.find("Thành phố Hà Nội</a>"), std::string::npos);  // another province's tree
}

TEST_P(UnitsAdminTest, UnitsAreRenamedAndMovedButNeverUnderThemselves) {
  ASSERT_EQ(add("H-PV", "Huyện Cũ", "district", "46").status, 303);
  ASSERT_EQ(change("19753", "Phường Thuận Hoá", "H-PV").status, 303);
  auto moved = registry().find("19753");
  EXPECT_EQ(moved->name, "Phường Thuận Hoá");
  EXPECT_EQ(moved->parent_code, "H-PV");
  ASSERT_EQ(add("46-SUB", "Cơ quan", "agency", "H-PV").status, 303);
  auto cycle = change("H-PV", "Huyện Cũ", "H-PV");
  EXPECT_EQ(cycle.status, 422);
  EXPECT_NE(cycle.body.find("chính nó hay đơn vị cấp dưới"), std::string::npos);
  EXPECT_EQ(change("46", "Thành phố Huế", "01").status, 422);  // the province stays the root
  EXPECT_EQ(change("46", "Thành phố Huế (tên mới)", "").status, 303);
  EXPECT_EQ(change("01", "Không thuộc cây", "").status, 404);
  std::vector<std::string> actions;
  for (const auto& e : auth::list_audit(*server_->database().acquire(), 20, 0))
    if (e.action.starts_with("units.")) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"units.change", "units.add", "units.change", "units.add", "units.import"}));
}

TEST_P(UnitsAdminTest, AccountsArePutInUnitsByEmailAndTakenOut) {
  auto assigned = admin_.post_form("/quan-tri/don-vi/19753/thanh-vien", {{"_csrf", admin_.csrf()}, {"email", " XA@x.vn "}});
  ASSERT_EQ(assigned.status, 303) << assigned.body;
  auto page = admin_.get("/quan-tri/don-vi/19753");
  EXPECT_NE(page.body.find("xa@x.vn"), std::string::npos);
  EXPECT_NE(page.body.find("Cán bộ nhập số liệu"), std::string::npos);
  const auto user_id = registry().members("19753").at(0).user_id;
  EXPECT_EQ(registry().unit_of(user_id), "19753");
  auto unknown = admin_.post_form("/quan-tri/don-vi/19753/thanh-vien", {{"_csrf", admin_.csrf()}, {"email", "khong-co@x.vn"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("Không có tài khoản đang hoạt động nào mang e-mail khong-co@x.vn"), std::string::npos);
  EXPECT_EQ(admin_.post_form("/quan-tri/don-vi/01/thanh-vien", {{"_csrf", admin_.csrf()}, {"email", "xa@x.vn"}}).status, 404);
  const std::string remove = "/quan-tri/don-vi/19753/thanh-vien/" + std::to_string(user_id) + "/xoa";
  EXPECT_EQ(admin_.post_form(remove, {{"_csrf", admin_.csrf()}}).status, 303);
  EXPECT_FALSE(registry().unit_of(user_id));
  EXPECT_EQ(admin_.post_form(remove, {{"_csrf", admin_.csrf()}}).status, 404);
}

TEST_P(UnitsAdminTest, OnlyAdminsEditTheTree) {
  auto reporter = server_->client();
  ASSERT_TRUE(reporter.login("xa@x.vn", kPassword));
  EXPECT_EQ(reporter.get("/quan-tri/don-vi").status, 403);
  EXPECT_EQ(reporter.post_form("/quan-tri/don-vi", {{"_csrf", reporter.csrf()}, {"code", "46-Z"}, {"name", "Z"}, {"level", "agency"}, {"parent", "46"}}).status, 403);
  EXPECT_FALSE(registry().find("46-Z"));
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitsAdminTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
