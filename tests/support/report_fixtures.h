#pragma once
// Shared set-up of the PBGDPL report tests: a small province on a TestServer (configured with
// province "01") and what its people do over HTTP. The tree: Tỉnh Mẫu (01) with its Sở Tư pháp
// (01-STP) and two communes (00100, 00200), and another province (02). People: the reporters of
// both communes (xa1@x.vn, xa2@x.vn), the provincial approver (tinh@x.vn), an approver of the
// first commune (duyetxa@x.vn) and an admin (admin@x.vn), who opens the period 2026-H2.
#include "core/time.h"
#include "support/fixtures.h"
#include "support/test_server.h"
#include "units/settings.h"
#include "units/unit_registry.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace testing_support {

inline const std::string kReportPeriod = "/quan-tri/bao-cao/2026-H2";

class SampleProvince {
 public:
  // A failed step is reported to the running test (ADD_FAILURE); check ok() before going on.
  explicit SampleProvince(TestServer& server) : server_(server) {
    units::UnitRegistry registry(server.database());
    using units::UnitLevel;
    auto imported = registry.import({{{"01", "Tỉnh Mẫu", UnitLevel::province, ""},
                                      {"01-STP", "Sở Tư pháp", UnitLevel::agency, "01"},
                                      {"00100", "Xã Một", UnitLevel::commune, "01"},
                                      {"00200", "Xã Hai", UnitLevel::commune, "01"},
                                      {"02", "Tỉnh Khác", UnitLevel::province, ""}},
                                     {}},
                                    {std::nullopt, "test"});
    if (!imported.problems.empty()) {
      ADD_FAILURE() << "the sample tree did not import";
      return;
    }
    auto member = [&](const std::string& email, auth::Role role, const std::string& unit) {
      auto user = server.add_user(email, role);
      return registry.assign(user.id, unit, {std::nullopt, "test"}, core::now_unix());
    };
    if (!member("xa1@x.vn", auth::Role::reporter, "00100") || !member("xa2@x.vn", auth::Role::reporter, "00200") ||
        !member("tinh@x.vn", auth::Role::approver, "01") || !member("duyetxa@x.vn", auth::Role::approver, "00100")) {
      ADD_FAILURE() << "a sample member was not assigned";
      return;
    }
    server.add_user("admin@x.vn", auth::Role::admin);
    admin = logged_in("admin@x.vn");
    auto opened = admin.post_form("/quan-tri/bao-cao", {{"_csrf", admin.csrf()}, {"code", "2026-H2"}, {"due_on", ""}});
    if (opened.status != 303 || opened.header("location") != kReportPeriod) {
      ADD_FAILURE() << "the period did not open: " << opened.body;
      return;
    }
    ok_ = true;
  }
  bool ok() const { return ok_; }

  HttpClient logged_in(const std::string& email) {
    auto c = server_.client();
    EXPECT_TRUE(c.login(email, kPassword));
    return c;
  }

  // The version the unit's form carries now ("" when the page has no form).
  std::string version_of(HttpClient& c, const std::string& unit) {
    auto page = c.get(kReportPeriod + "/" + unit);
    const std::string needle = "name=\"version\" value=\"";
    auto at = page.body.find(needle);
    if (at == std::string::npos) return "";
    at += needle.size();
    return page.body.substr(at, page.body.find('"', at) - at);
  }

  // `action` "save" or "submit"; `figures` as typed: {"f_TT_SO_CUOC", "4"}.
  HttpResponse save(HttpClient& c, const std::string& unit, std::vector<std::pair<std::string, std::string>> figures,
                    const std::string& action, const std::string& version) {
    figures.insert(figures.begin(), {{"_csrf", c.csrf()}, {"action", action}, {"version", version}});
    return c.post_form(kReportPeriod + "/" + unit, figures);
  }

  // `step` "duyet" or "tra-lai"; `version` "": the one the approver's page carries.
  HttpResponse decide(HttpClient& c, const std::string& unit, const std::string& step, const std::string& reason = "",
                      std::string version = "") {
    if (version.empty()) version = version_of(c, unit);
    return c.post_form(kReportPeriod + "/" + unit + "/" + step, {{"_csrf", c.csrf()}, {"version", version}, {"reason", reason}});
  }

  // A commune's figures submitted by its reporter and approved by the provincial approver.
  void approve(const std::string& reporter_email, const std::string& unit, std::vector<std::pair<std::string, std::string>> figures) {
    auto reporter = logged_in(reporter_email);
    auto approver = logged_in("tinh@x.vn");
    EXPECT_EQ(save(reporter, unit, std::move(figures), "submit", version_of(reporter, unit)).status, 303);
    EXPECT_EQ(decide(approver, unit, "duyet").status, 303);
  }

  HttpClient admin{0};

 private:
  TestServer& server_;
  bool ok_ = false;
};

// A test on each database with the sample province on a server configured for it (rate limits off).
class SampleProvinceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam(), [](core::Config& c) {
      c.rate_limits_enabled = false;
      c.section<units::Settings>().province = "01";
    });
    if (!server_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set: PostgreSQL tests need a server (make test starts one)";
    province_ = std::make_unique<SampleProvince>(*server_);
    ASSERT_TRUE(province_->ok());
  }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<SampleProvince> province_;
};

}  // namespace testing_support
