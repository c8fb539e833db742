// Sending approved PBGDPL reports upwards and receiving them, on both databases: the province's
// admin queues the approved figures (by hand, and when the period is locked); the sender retries
// a receiver that fails until it answers; a real receiving PhoBien keeps one report per province
// and period, so a report that arrives twice is counted once and a corrected one replaces it;
// the receiver refuses documents and tokens it cannot trust.
#include "auth/api_tokens.h"
#include "stats/exchange.h"
#include "stats/settings.h"
#include "support/http_receiver.h"
#include "support/report_fixtures.h"
#include "units/settings.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

namespace {

using namespace testing_support;

const std::string kExchange = "/api/v1/stats/exchange";

// Waits up to 20 s for `done`.
template <typename Done>
bool eventually(Done done) {
  for (int i = 0; i < 200; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

class ReportExchangeTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    receiver_ = std::make_unique<TestServer>(GetParam(), [](core::Config& c) { c.rate_limits_enabled = false; });
    if (!receiver_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set: PostgreSQL tests need a server (make test starts one)";
    receiver_->add_user("bo@x.vn", auth::Role::admin);
    auto c = receiver_->database().acquire();
    submit_token_ = auth::add_api_token(*c, "Tỉnh Mẫu", "01", "stats:submit", core::now_unix());
  }

  // The province's own installation, sending to `url` (the receiver's API when empty).
  void start_sender(std::string url = "", std::string token = "") {
    if (url.empty()) url = "http://127.0.0.1:" + std::to_string(receiver_->port()) + kExchange;
    if (token.empty()) token = submit_token_;
    sender_ = std::make_unique<TestServer>(GetParam(), [&](core::Config& c) {
      c.rate_limits_enabled = false;
      c.section<units::Settings>().province = "01";
      auto& uplink = c.section<stats::Settings>().uplink;
      uplink.url = url;
      uplink.token = token;
      uplink.retry_base_seconds = 1;
    });
    province_ = std::make_unique<SampleProvince>(*sender_);
    ASSERT_TRUE(province_->ok());
  }

  HttpResponse send_up() { return province_->admin.post_form(kReportPeriod + "/gui", {{"_csrf", province_->admin.csrf()}}); }

  // The sender's dispatch `n` (1 = the first queued) once it is sent: its receipt, or "" if it
  // never was.
  std::string receipt_of(int n) {
    std::string receipt;
    eventually([&] {
      auto row = sender_->database().acquire()->query_one(
          "SELECT receipt FROM report_dispatches WHERE status = 'sent' AND id = (SELECT id FROM report_dispatches ORDER BY id LIMIT 1 OFFSET ?)",
          {n - 1});
      if (row) receipt = row->opt_text(0).value_or("(none)");
      return row.has_value();
    });
    return receipt;
  }

  HttpResponse submit(const std::string& body, const std::string& token) {
    return receiver_->client().request("POST", kExchange, body, {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
  }

  std::int64_t received(const std::string& sql) { return receiver_->database().acquire()->query_int(sql); }

  std::unique_ptr<TestServer> receiver_, sender_;
  std::unique_ptr<SampleProvince> province_;
  std::string submit_token_;
};

TEST_P(ReportExchangeTest, AFailingReceiverIsTriedAgainAndTwoDeliveriesCountOnce) {
  HttpReceiver stand_in;
  stand_in.script({503}, R"({"status":"created"})");
  start_sender(stand_in.url(kExchange), "pbt_ma-thu");
  province_->approve("xa1@x.vn", "00100", {{"f_TT_SO_CUOC", "4"}, {"f_TT_LUOT_NGUOI", "120"}});

  auto queued = send_up();
  ASSERT_EQ(queued.status, 303) << queued.body;
  EXPECT_EQ(*queued.header("location"), kReportPeriod + "?da-gui-len=1");
  auto requests = stand_in.wait_for(2, 20);
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].headers["authorization"], "Bearer pbt_ma-thu");
  EXPECT_EQ(requests[0].body, requests[1].body);  // the retry sends the same document
  EXPECT_EQ(receipt_of(1), "created");
  EXPECT_EQ(sender_->database().acquire()->query_int("SELECT attempts FROM report_dispatches"), 2);
  auto page = province_->admin.get(kReportPeriod);
  EXPECT_NE(page.body.find("Đã gửi"), std::string::npos);
  EXPECT_NE(page.body.find("Nơi nhận đã ghi nhận báo cáo."), std::string::npos);

  // The stand-in's first answer was lost in the outage: a real receiver may get the document
  // twice, and counts it once.
  auto first = submit(requests[0].body, submit_token_);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(nlohmann::json::parse(first.body)["status"], "created");
  auto again = submit(requests[1].body, submit_token_);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(nlohmann::json::parse(again.body)["status"], "unchanged");
  EXPECT_EQ(received("SELECT COUNT(*) FROM received_reports"), 1);
  EXPECT_EQ(received("SELECT deliveries FROM received_reports"), 2);
  EXPECT_EQ(received("SELECT SUM(value) FROM received_figures WHERE indicator_code = 'TT_SO_CUOC'"), 4);

  auto ministry = receiver_->client();
  ASSERT_TRUE(ministry.login("bo@x.vn", kPassword));
  auto list = ministry.get("/quan-tri/bao-cao-nhan");
  EXPECT_NE(list.body.find("/quan-tri/bao-cao-nhan/2026-H2"), std::string::npos);
  auto period = ministry.get("/quan-tri/bao-cao-nhan/2026-H2");
  ASSERT_EQ(period.status, 200);
  EXPECT_NE(period.body.find("Tỉnh Mẫu (01)"), std::string::npos);
  EXPECT_NE(period.body.find("Đã nhận báo cáo của 1 tỉnh, thành phố."), std::string::npos);
  EXPECT_NE(period.body.find("<td class=\"number\">120</td>"), std::string::npos);
  EXPECT_EQ(ministry.get("/quan-tri/bao-cao-nhan/2025").status, 404);
}

TEST_P(ReportExchangeTest, ARealReceiverKeepsOneReportPerProvinceAndPeriod) {
  start_sender();
  province_->approve("xa1@x.vn", "00100", {{"f_TT_SO_CUOC", "4"}});
  ASSERT_EQ(send_up().status, 303);
  EXPECT_EQ(receipt_of(1), "created");

  // More approved, then the period locked: the corrected figures go up by themselves and replace
  // the first ones.
  province_->approve("xa2@x.vn", "00200", {{"f_TT_SO_CUOC", "6"}});
  auto locked = province_->admin.post_form(kReportPeriod + "/khoa", {{"_csrf", province_->admin.csrf()}});
  ASSERT_EQ(locked.status, 303);
  EXPECT_EQ(*locked.header("location"), kReportPeriod + "?da-khoa=1&da-gui-len=1");
  EXPECT_EQ(receipt_of(2), "replaced");
  // Sent once more by hand: the receiver already has it.
  ASSERT_EQ(send_up().status, 303);
  EXPECT_EQ(receipt_of(3), "unchanged");

  EXPECT_EQ(received("SELECT COUNT(*) FROM received_reports"), 1);
  EXPECT_EQ(received("SELECT deliveries FROM received_reports"), 3);
  EXPECT_EQ(received("SELECT SUM(value) FROM received_figures WHERE indicator_code = 'TT_SO_CUOC'"), 10);
  EXPECT_EQ(received("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'received_report.%'"), 2);  // created, replaced
  auto page = province_->admin.get(kReportPeriod);
  EXPECT_NE(page.body.find("<span class=\"meta\">khi khóa kỳ</span>"), std::string::npos);
  EXPECT_NE(page.body.find("không tính hai lần"), std::string::npos);
  EXPECT_EQ(sender_->database().acquire()->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'report.send_up'"), 3);
}

TEST_P(ReportExchangeTest, OnlyAdminsSendAndOnlyWhatWasApproved) {
  start_sender();
  auto approver = province_->logged_in("tinh@x.vn");
  EXPECT_EQ(approver.post_form(kReportPeriod + "/gui", {{"_csrf", approver.csrf()}}).status, 403);
  EXPECT_EQ(approver.get(kReportPeriod).body.find("Gửi báo cáo lên cấp trên"), std::string::npos);
  auto nothing = send_up();
  EXPECT_EQ(nothing.status, 409);
  EXPECT_NE(nothing.body.find("chưa có báo cáo nào được duyệt"), std::string::npos);
  EXPECT_EQ(province_->admin.post_form("/quan-tri/bao-cao/2025-H1/gui", {{"_csrf", province_->admin.csrf()}}).status, 404);
  EXPECT_EQ(sender_->database().acquire()->query_int("SELECT COUNT(*) FROM report_dispatches"), 0);
}

TEST_P(ReportExchangeTest, WithoutAReceiverConfiguredNothingIsQueued) {
  sender_ = std::make_unique<TestServer>(GetParam(), [](core::Config& c) {
    c.rate_limits_enabled = false;
    c.section<units::Settings>().province = "01";
  });
  province_ = std::make_unique<SampleProvince>(*sender_);
  ASSERT_TRUE(province_->ok());
  province_->approve("xa1@x.vn", "00100", {{"f_TT_SO_CUOC", "4"}});
  EXPECT_NE(province_->admin.get(kReportPeriod).body.find("Chưa cấu hình nơi nhận"), std::string::npos);
  auto refused = send_up();
  EXPECT_EQ(refused.status, 503);
  EXPECT_NE(refused.body.find("PHOBIEN_UPLINK_URL"), std::string::npos);
  // Locking still works; nothing goes anywhere.
  auto locked = province_->admin.post_form(kReportPeriod + "/khoa", {{"_csrf", province_->admin.csrf()}});
  EXPECT_EQ(*locked.header("location"), kReportPeriod + "?da-khoa=1");
  EXPECT_EQ(sender_->database().acquire()->query_int("SELECT COUNT(*) FROM report_dispatches"), 0);
}

TEST_P(ReportExchangeTest, TheReceiverRefusesWhatItCannotTrust) {
  std::string read_token, other_province;
  {
    auto c = receiver_->database().acquire();
    read_token = auth::add_api_token(*c, "Đọc", "01", "stats:read", core::now_unix());
    other_province = auth::add_api_token(*c, "Tỉnh Khác", "02", "stats:submit", core::now_unix());
  }
  stats::ApprovedFigures figures;
  figures.period = {1, "2026-H2", "6 tháng cuối năm 2026", "2026-07-01", "2026-12-31", "2027-01-15", std::nullopt};
  figures.unit = {"01", "Tỉnh Mẫu", units::UnitLevel::province, ""};
  figures.indicators = {{1, "TT_SO_CUOC", "1. Trực tiếp", "Số cuộc", "cuộc", "", "", 10, true}};
  figures.total = {{{"TT_SO_CUOC", 4}}, 3, 1};
  const auto doc = stats::exchange_document(figures, "01", core::now_unix());

  auto anonymous = receiver_->client().request("POST", kExchange, doc.dump(), {{"Content-Type", "application/json"}});
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.header("www-authenticate"), "Bearer");
  EXPECT_EQ(submit(doc.dump(), read_token).status, 401);
  EXPECT_EQ(submit(doc.dump(), "pbt_khong-co").status, 401);
  auto foreign = submit(doc.dump(), other_province);
  EXPECT_EQ(foreign.status, 403);
  EXPECT_NE(foreign.body.find("mang mã 02"), std::string::npos);

  auto not_json = submit("{\"format\":", submit_token_);
  EXPECT_EQ(not_json.status, 422);
  EXPECT_NE(not_json.body.find("không phải JSON hợp lệ"), std::string::npos);
  auto tampered = doc;
  tampered["figures"]["TT_SO_CUOC"] = 40;
  auto refused = submit(tampered.dump(), submit_token_);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("\\\"revision\\\" không khớp"), std::string::npos) << refused.body;
  EXPECT_EQ(submit(std::string(1024 * 1024 + 10, ' '), submit_token_).status, 413);
  EXPECT_EQ(received("SELECT COUNT(*) FROM received_reports"), 0);

  EXPECT_EQ(submit(doc.dump(), submit_token_).status, 201);
  // The pages are the ministry's officials', not the public's.
  EXPECT_EQ(receiver_->client().get("/quan-tri/bao-cao-nhan/2026-H2").status, 303);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportExchangeTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
