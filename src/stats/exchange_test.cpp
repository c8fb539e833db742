// The exchange document read back as a receiver reads it, the ways a document can be refused,
// and what a receiver's answer means for a report being sent upwards.
#include "stats/exchange.h"
#include "stats/uplink.h"

#include <gtest/gtest.h>

namespace stats {
namespace {

ApprovedFigures sample_figures() {
  ApprovedFigures f;
  f.period = {1, "2026-H2", "6 tháng cuối năm 2026", "2026-07-01", "2026-12-31", "2027-01-15", std::nullopt};
  f.unit = {"01", "Tỉnh Mẫu", units::UnitLevel::province, ""};
  f.indicators = {{1, "TT_SO_CUOC", "1. Trực tiếp", "Số cuộc", "cuộc", "", "", 10, true},
                  {2, "TT_TAP_HUAN", "1. Trực tiếp", "Trong đó: tập huấn", "cuộc", "TT_SO_CUOC", "", 11, true}};
  f.total = {{{"TT_SO_CUOC", 10}, {"TT_TAP_HUAN", 3}}, 3, 2};
  f.below = {{{"00100", "Xã Một", units::UnitLevel::commune, "01"}, {{{"TT_SO_CUOC", 4}}, 1, 1}}};
  return f;
}

nlohmann::json sample_document() { return exchange_document(sample_figures(), "01", 1'780'000'000); }

std::string refusal(const nlohmann::json& doc) {
  auto read = read_exchange_document(doc);
  return read ? "" : read.error().message;
}

TEST(ExchangeDocument, ReadsBackWhatASenderWrites) {
  auto doc = sample_document();
  auto read = read_exchange_document(nlohmann::json::parse(doc.dump()));
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->report_key, "01:2026-H2:01");
  EXPECT_EQ(read->province, "01");
  EXPECT_EQ(read->province_name, "Tỉnh Mẫu");
  EXPECT_EQ(read->period_code, "2026-H2");
  EXPECT_EQ(read->revision, doc["revision"]);
  ASSERT_EQ(read->figures.size(), 2u);
  EXPECT_EQ(read->figures[0].code, "TT_SO_CUOC");
  EXPECT_EQ(read->figures[0].value, 10);
  EXPECT_EQ(read->figures[1].name, "Trong đó: tập huấn");
}

TEST(ExchangeDocument, TheRevisionChangesWithTheFiguresOnly) {
  auto a = sample_document();
  auto b = exchange_document(sample_figures(), "01", 1'790'000'000);  // later, same figures
  EXPECT_EQ(a["revision"], b["revision"]);
  auto changed = sample_figures();
  changed.total.totals["TT_SO_CUOC"] = 11;
  EXPECT_NE(exchange_document(changed, "01", 1'780'000'000)["revision"], a["revision"]);
}

TEST(ExchangeDocument, RefusesWhatDoesNotHoldTogether) {
  EXPECT_NE(refusal(nlohmann::json::array()).find("đối tượng JSON"), std::string::npos);
  auto doc = sample_document();
  auto with = [&](auto change) {
    auto d = doc;
    change(d);
    return refusal(d);
  };
  EXPECT_NE(with([](auto& d) { d["format"] = "other"; }).find("\"format\""), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["version"] = 2; }).find("\"version\""), std::string::npos);
  // A figure changed after the revision was computed.
  EXPECT_NE(with([](auto& d) { d["figures"]["TT_SO_CUOC"] = 12; }).find("\"revision\""), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["units_below"][0]["figures"]["TT_SO_CUOC"] = 5; }).find("\"revision\""), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["figures"]["TT_SO_CUOC"] = -1; }).find("số nguyên từ 0"), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["figures"]["TT_SO_CUOC"] = 1.5; }).find("số nguyên từ 0"), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["figures"]["TT_SO_CUOC"] = "10"; }).find("số nguyên từ 0"), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["figures"]["KHAC"] = 1; }).find("không có trong"), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["indicators"][1]["code"] = "TT_SO_CUOC"; }).find("hai lần"), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["indicators"][0]["code"] = "tt so cuoc"; }).find("\"code\""), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["report_key"] = "01:2026-H2:02"; }).find("\"report_key\""), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["period"]["code"] = "2026-Q3"; }).find("\"period\""), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["province"] = "'; DROP"; }).find("\"province\""), std::string::npos);
  EXPECT_NE(with([](auto& d) { d["unit"]["name"] = std::string("T\xC3", 2); }).find("\"unit\""), std::string::npos);
  // A commune's report is the province's business, not the receiver's.
  EXPECT_NE(with([](auto& d) {
              d["unit"]["code"] = "00100";
              d["report_key"] = "01:2026-H2:00100";
            }).find("cả tỉnh"),
            std::string::npos);
  EXPECT_NE(with([](auto& d) {
              d["indicators"] = nlohmann::json::array();
              for (int i = 0; i < 501; ++i) d["indicators"].push_back({{"code", "X" + std::to_string(i)}, {"name", "x"}});
            }).find("500"),
            std::string::npos);
}

core::HttpPostResult answer(long status, std::string body = "") { return {status, std::move(body), status ? "" : "Connection refused", false}; }

TEST(UplinkDelivery, TwoHundredsAreSentWithTheReceiversWord) {
  auto created = classify_uplink_answer(answer(201, R"({"status":"created","report_key":"01:2026-H2:01"})"));
  EXPECT_EQ(created.kind, UplinkDelivery::Kind::sent);
  EXPECT_EQ(created.receipt, "created");
  EXPECT_EQ(classify_uplink_answer(answer(200, R"({"status":"unchanged"})")).receipt, "unchanged");
  // Another system's receipt: sent, with nothing to say.
  auto other = classify_uplink_answer(answer(202, "<html>ok</html>"));
  EXPECT_EQ(other.kind, UplinkDelivery::Kind::sent);
  EXPECT_EQ(other.receipt, "");
}

TEST(UplinkDelivery, OutagesAreRetriedAndRefusalsAreNot) {
  for (long status : {0L, 401L, 403L, 404L, 408L, 429L, 500L, 502L, 503L})
    EXPECT_EQ(classify_uplink_answer(answer(status)).kind, UplinkDelivery::Kind::retry) << status;
  for (long status : {400L, 409L, 413L, 422L})
    EXPECT_EQ(classify_uplink_answer(answer(status)).kind, UplinkDelivery::Kind::failed) << status;
  auto refused = classify_uplink_answer(answer(422, R"({"error":{"code":"invalid_input","message":"Tài liệu báo cáo không hợp lệ."}})"));
  EXPECT_EQ(refused.error, "Nơi nhận trả lời HTTP 422: Tài liệu báo cáo không hợp lệ.");
  EXPECT_NE(classify_uplink_answer(answer(0)).error.find("Connection refused"), std::string::npos);
}

TEST(UplinkDelivery, BacksOffFromAMinuteToSixHours) {
  UplinkSettings settings;
  auto backoff = uplink_backoff(settings);
  EXPECT_EQ(backoff.delay_seconds(1), 60);
  EXPECT_EQ(backoff.delay_seconds(5), 6 * 3600);
  EXPECT_EQ(backoff.delay_seconds(9), 6 * 3600);
  EXPECT_TRUE(backoff.exhausted(12));
}

}  // namespace
}  // namespace stats
