// The PBGDPL reports end to end over HTTP on both databases: a commune reporter enters and
// submits, the provincial approver returns it with a comment, the reporter corrects it and the
// approver approves; the tree decides who may act where; figures are checked in Vietnamese; an
// approved report and a locked period no longer change; approved figures roll up and a machine
// client reads them with an API token; figures the platform counted are filled in.
#include "auth/api_tokens.h"
#include "auth/audit_log.h"
#include "core/time.h"
#include "core/xlsx_reader.h"
#include "support/report_fixtures.h"
#include "units/settings.h"
#include "units/unit_registry.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace testing_support;

const std::string& kPeriod = kReportPeriod;

class ReportsHttpTest : public SampleProvinceTest {
 protected:
  HttpClient logged_in(const std::string& email) { return province_->logged_in(email); }
  std::string version_of(HttpClient& c, const std::string& unit) { return province_->version_of(c, unit); }
  HttpResponse save(HttpClient& c, const std::string& unit, std::vector<std::pair<std::string, std::string>> figures,
                    const std::string& action, const std::string& version) {
    return province_->save(c, unit, std::move(figures), action, version);
  }
  HttpResponse decide(HttpClient& c, const std::string& unit, const std::string& step, const std::string& reason = "",
                      std::string version = "") {
    return province_->decide(c, unit, step, reason, std::move(version));
  }

};

TEST_P(ReportsHttpTest, ReporterSubmitsApproverReturnsReporterCorrectsApproverApproves) {
  auto reporter = logged_in("xa1@x.vn");
  auto approver = logged_in("tinh@x.vn");

  auto form = reporter.get(kPeriod + "/00100");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Số cuộc tuyên truyền, phổ biến pháp luật trực tiếp"), std::string::npos);
  EXPECT_NE(form.body.find("Chưa nhập"), std::string::npos);

  // A part larger than its total, and a negative figure: refused, in Vietnamese, nothing stored.
  auto bad = save(reporter, "00100", {{"f_TT_SO_CUOC", "3"}, {"f_TT_TAP_HUAN", "5"}, {"f_KP_TONG", "-1"}}, "submit", "0");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("không được lớn hơn «Số cuộc tuyên truyền, phổ biến pháp luật trực tiếp» (3)"), std::string::npos);
  EXPECT_NE(bad.body.find("không được là số âm"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"5\""), std::string::npos);  // what was typed comes back
  EXPECT_EQ(version_of(reporter, "00100"), "0");

  ASSERT_EQ(save(reporter, "00100", {{"f_TT_SO_CUOC", "3"}, {"f_TT_LUOT_NGUOI", "1.250"}}, "save", "0").status, 303);
  auto v = version_of(reporter, "00100");
  auto submitted = save(reporter, "00100", {{"f_TT_SO_CUOC", "4"}, {"f_TT_TAP_HUAN", "2"}, {"f_TT_LUOT_NGUOI", "1.250"}}, "submit", v);
  ASSERT_EQ(submitted.status, 303);
  EXPECT_EQ(*submitted.header("location"), kPeriod + "/00100?da-gui=1");
  // Submitted: no more changes by the reporter (whose page has no form now: version 2 is the
  // report's after a save and a submission).
  EXPECT_EQ(version_of(reporter, "00100"), "");
  EXPECT_EQ(save(reporter, "00100", {{"f_TT_SO_CUOC", "9"}}, "save", "2").status, 409);

  // Returned without a reason: refused; with one: the reporter sees it.
  EXPECT_EQ(decide(approver, "00100", "tra-lai", "").status, 422);
  ASSERT_EQ(decide(approver, "00100", "tra-lai", "Số lượt người chưa khớp với biên bản").status, 303);
  auto returned = reporter.get(kPeriod + "/00100");
  EXPECT_NE(returned.body.find("Bị trả lại"), std::string::npos);
  EXPECT_NE(returned.body.find("Số lượt người chưa khớp với biên bản"), std::string::npos);

  // A form built before someone else's change is refused, not merged.
  auto stale = save(reporter, "00100", {{"f_TT_SO_CUOC", "4"}}, "submit", v);
  EXPECT_EQ(stale.status, 409);
  ASSERT_EQ(save(reporter, "00100", {{"f_TT_SO_CUOC", "4"}, {"f_TT_TAP_HUAN", "2"}, {"f_TT_LUOT_NGUOI", "1.200"}}, "submit",
                 version_of(reporter, "00100"))
                .status,
            303);
  ASSERT_EQ(decide(approver, "00100", "duyet").status, 303);
  auto approved = reporter.get(kPeriod + "/00100");
  EXPECT_NE(approved.body.find("Đã duyệt"), std::string::npos);
  EXPECT_EQ(approved.body.find("name=\"f_TT_SO_CUOC\""), std::string::npos);  // read-only now
  EXPECT_EQ(save(reporter, "00100", {{"f_TT_SO_CUOC", "1"}}, "save", "5").status, 409);  // returned, resubmitted, approved

  // The province's overview rolls the approved figures up.
  auto overview = approver.get(kPeriod);
  ASSERT_EQ(overview.status, 200);
  EXPECT_NE(overview.body.find("1/4 đơn vị đã được duyệt"), std::string::npos);
  EXPECT_NE(overview.body.find("<td class=\"number\">1.200</td>"), std::string::npos);

  // Every step is in the audit log.
  std::vector<std::string> actions;
  for (const auto& e : auth::list_audit(*server_->database().acquire(), 50, 0))
    if (e.target == "report:2026-H2/00100") actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"reports.approve", "reports.submit", "reports.return", "reports.submit", "reports.save"}));
}

TEST_P(ReportsHttpTest, TheTreeDecidesWhoActsWhere) {
  auto reporter = logged_in("xa1@x.vn");
  EXPECT_EQ(reporter.get(kPeriod + "/00200").status, 403);  // another commune
  EXPECT_EQ(reporter.get(kPeriod + "/01").status, 403);     // the province above
  EXPECT_EQ(save(reporter, "00200", {{"f_TT_SO_CUOC", "1"}}, "save", "0").status, 403);
  EXPECT_EQ(reporter.get(kPeriod + "/02").status, 404);     // not in this province's tree

  auto other = logged_in("xa2@x.vn");
  ASSERT_EQ(save(other, "00200", {{"f_TT_SO_CUOC", "1"}}, "submit", "0").status, 303);
  // An approver of a commune has nothing below it; the provincial approver enters nothing.
  auto commune_approver = logged_in("duyetxa@x.vn");
  EXPECT_EQ(decide(commune_approver, "00200", "duyet", "", "1").status, 403);
  auto approver = logged_in("tinh@x.vn");
  EXPECT_EQ(save(approver, "00200", {{"f_TT_SO_CUOC", "1"}}, "save", "1").status, 403);
  EXPECT_EQ(decide(approver, "00200", "duyet").status, 303);
  // Only admins open and lock periods.
  EXPECT_EQ(approver.post_form("/quan-tri/bao-cao", {{"_csrf", approver.csrf()}, {"code", "2027-H1"}}).status, 403);
  auto bad_code = province_->admin.post_form("/quan-tri/bao-cao", {{"_csrf", province_->admin.csrf()}, {"code", "2026-H3"}});
  EXPECT_EQ(bad_code.status, 422);
  EXPECT_NE(bad_code.body.find("Ghi năm và nửa năm"), std::string::npos);
  EXPECT_EQ(province_->admin.post_form("/quan-tri/bao-cao", {{"_csrf", province_->admin.csrf()}, {"code", "2026-H2"}}).status, 409);
}

TEST_P(ReportsHttpTest, ALockedPeriodChangesNoMore) {
  auto reporter = logged_in("xa1@x.vn");
  ASSERT_EQ(save(reporter, "00100", {{"f_TT_SO_CUOC", "2"}}, "submit", "0").status, 303);
  ASSERT_EQ(province_->admin.post_form(kPeriod + "/khoa", {{"_csrf", province_->admin.csrf()}}).status, 303);
  auto locked = reporter.get(kPeriod + "/00200");
  EXPECT_EQ(locked.status, 403);
  auto other = logged_in("xa2@x.vn");
  auto refused = save(other, "00200", {{"f_TT_SO_CUOC", "1"}}, "save", "0");
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("Kỳ báo cáo đã khóa"), std::string::npos);
  auto approver = logged_in("tinh@x.vn");
  EXPECT_EQ(decide(approver, "00100", "duyet", "", "1").status, 409);
  EXPECT_EQ(province_->admin.post_form(kPeriod + "/khoa", {{"_csrf", province_->admin.csrf()}}).status, 409);
}

TEST_P(ReportsHttpTest, AMachineClientReadsApprovedFiguresWithAToken) {
  auto reporter = logged_in("xa1@x.vn");
  auto other = logged_in("xa2@x.vn");
  auto approver = logged_in("tinh@x.vn");
  ASSERT_EQ(save(reporter, "00100", {{"f_TT_SO_CUOC", "4"}, {"f_KP_TONG", "2.000.000"}}, "submit", "0").status, 303);
  ASSERT_EQ(save(other, "00200", {{"f_TT_SO_CUOC", "6"}}, "submit", "0").status, 303);
  ASSERT_EQ(decide(approver, "00100", "duyet").status, 303);
  ASSERT_EQ(decide(approver, "00200", "duyet").status, 303);

  std::string province_token, commune_token;
  {
    auto c = server_->database().acquire();
    province_token = auth::add_api_token(*c, "Bộ Tư pháp", "01", "stats:read", core::now_unix());
    commune_token = auth::add_api_token(*c, "Xã Hai", "00200", "stats:read", core::now_unix());
  }
  auto client = server_->client();
  EXPECT_EQ(client.get("/api/v1/stats/reports").status, 401);
  EXPECT_EQ(client.get("/api/v1/stats/reports", {{"Authorization", "Bearer pbt_khong-dung"}}).status, 401);
  // A browser session is not a token.
  EXPECT_EQ(province_->admin.get("/api/v1/stats/reports").status, 401);

  auto read = client.get("/api/v1/stats/reports?period=2026-H2", {{"Authorization", "Bearer " + province_token}});
  ASSERT_EQ(read.status, 200) << read.body;
  auto doc = nlohmann::json::parse(read.body);
  EXPECT_EQ(doc["format"], "phobien.pbgdpl-report");
  EXPECT_EQ(doc["report_key"], "01:2026-H2:01");
  EXPECT_EQ(doc["unit"]["code"], "01");
  EXPECT_EQ(doc["figures"]["TT_SO_CUOC"], 10);
  EXPECT_EQ(doc["figures"]["KP_TONG"], 2000000);
  EXPECT_EQ(doc["coverage"]["approved"], 2);
  EXPECT_EQ(doc["coverage"]["units"], 4);
  ASSERT_EQ(doc["units_below"].size(), 3u);  // the agency, then the two communes
  EXPECT_EQ(doc["units_below"][2]["code"], "00100");
  EXPECT_EQ(doc["units_below"][2]["figures"]["TT_SO_CUOC"], 4);
  // The period defaults to the latest with approved figures; the unit to the token's.
  auto latest = client.get("/api/v1/stats/reports", {{"Authorization", "Bearer " + commune_token}});
  ASSERT_EQ(latest.status, 200);
  EXPECT_EQ(nlohmann::json::parse(latest.body)["figures"]["TT_SO_CUOC"], 6);
  // A commune's token reads nothing above it; bad parameters are 400.
  EXPECT_EQ(client.get("/api/v1/stats/reports?unit=01", {{"Authorization", "Bearer " + commune_token}}).status, 403);
  EXPECT_EQ(client.get("/api/v1/stats/reports?period=2026-H9", {{"Authorization", "Bearer " + province_token}}).status, 400);
  EXPECT_EQ(client.get("/api/v1/stats/reports?unit=%27x", {{"Authorization", "Bearer " + province_token}}).status, 400);
  EXPECT_EQ(client.get("/api/v1/stats/reports?period=2025", {{"Authorization", "Bearer " + province_token}}).status, 404);
  // A revoked token is refused.
  {
    auto c = server_->database().acquire();
    ASSERT_TRUE(auth::revoke_api_token(*c, auth::list_api_tokens(*c).at(1).id, core::now_unix()));
  }
  EXPECT_EQ(client.get("/api/v1/stats/reports", {{"Authorization", "Bearer " + commune_token}}).status, 401);
}

TEST_P(ReportsHttpTest, ThePeriodIsExportedInTheProvincesLayoutAndReadsBack) {
  auto reporter = logged_in("xa1@x.vn");
  auto approver = logged_in("tinh@x.vn");
  ASSERT_EQ(save(reporter, "00100", {{"f_TT_SO_CUOC", "4"}, {"f_KP_TONG", "2.000.000"}}, "submit", "0").status, 303);
  ASSERT_EQ(decide(approver, "00100", "duyet").status, 303);
  auto xlsx = approver.get(kPeriod + "/tong-hop.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto sheets = core::read_xlsx(xlsx.body);
  ASSERT_TRUE(sheets) << "the workbook reads back";
  ASSERT_EQ(sheets->size(), 2u);
  const auto& figures = (*sheets)[0];
  EXPECT_EQ(figures.name, "Tổng hợp");
  EXPECT_EQ(figures.headers, (std::vector<std::string>{"Mã chỉ tiêu", "Nhóm", "Chỉ tiêu", "Đơn vị tính", "Tỉnh Mẫu (tổng hợp)",
                                                       "Sở Tư pháp", "Xã Hai", "Xã Một"}));
  ASSERT_FALSE(figures.rows.empty());
  EXPECT_EQ(figures.rows[0][0], core::Cell(std::string("TT_SO_CUOC")));
  EXPECT_EQ(figures.rows[0][4], core::Cell(std::int64_t{4}));
  EXPECT_EQ(figures.rows[0][7], core::Cell(std::int64_t{4}));
  EXPECT_EQ(figures.rows[0][6], core::Cell(std::int64_t{0}));
  const auto& progress = (*sheets)[1];
  ASSERT_EQ(progress.rows.size(), 4u);
  EXPECT_EQ(progress.rows[3][3], core::Cell(std::string("Đã duyệt")));
  auto csv = approver.get(kPeriod + "/tong-hop.csv");
  ASSERT_EQ(csv.status, 200);
  // A comma inside a name is quoted; figures stay plain integers.
  EXPECT_NE(csv.body.find("KP_TONG,9. Kinh phí,\"Tổng kinh phí bảo đảm cho công tác phổ biến, giáo dục pháp luật\",đồng,2000000"),
            std::string::npos);
  // A commune's reporter exports only their commune; another commune is refused.
  auto own = reporter.get(kPeriod + "/tong-hop.csv");
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(reporter.get(kPeriod + "/tong-hop.csv?don-vi=00200").status, 403);
}

TEST_P(ReportsHttpTest, TheUnitTreeIsPublicJson) {
  auto r = server_->client().get("/api/v1/stats/units");
  ASSERT_EQ(r.status, 200);
  auto tree = nlohmann::json::parse(r.body);
  EXPECT_EQ(tree["code"], "01");
  EXPECT_EQ(tree["level"], "province");
  ASSERT_EQ(tree["children"].size(), 3u);
  EXPECT_EQ(tree["children"][0]["code"], "01-STP");
  EXPECT_EQ(tree["children"][0]["level"], "agency");
  EXPECT_TRUE(tree["children"][1]["children"].empty());
}

TEST_P(ReportsHttpTest, FiguresThePlatformCountedAreFilledInForTheReporterToConfirm) {
  const auto now = core::now_unix();
  server_->database().acquire()->execute(
      "INSERT INTO questions (code, token_hash, title, body, consented_at, source, status, delivered_at, created_at, updated_at) "
      "VALUES ('TV-DEM', 'x', 'Câu hỏi thử', 'Nội dung câu hỏi thử nghiệm', ?, 'form', 'answered', ?, ?, ?)",
      {now, now, now, now});
  // Two automated answers in a conversation (the chat panel's API).
  auto client = server_->client();
  for (int i = 0; i < 2; ++i)
    ASSERT_EQ(client.request("POST", "/api/v1/answer", R"({"question": "Thủ tục đăng ký thường trú cần giấy tờ gì?"})",
                             {{"Content-Type", "application/json"}})
                  .status,
              200);
  // Questions answered on the province's portal belong to the province's own report.
  auto form = province_->admin.get(kPeriod + "/01");
  ASSERT_EQ(form.status, 200);
  auto at = form.body.find("id=\"f_MS_HOI_DAP\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(form.body.substr(at, 200).find("value=\"1\""), std::string::npos);
  EXPECT_NE(form.body.find("Hệ thống ghi nhận trong kỳ: 1"), std::string::npos);
  at = form.body.find("id=\"f_MS_TRA_LOI_TU_DONG\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(form.body.substr(at, 200).find("value=\"2\""), std::string::npos);
  // Not in a commune's.
  auto reporter = logged_in("xa1@x.vn");
  auto commune = reporter.get(kPeriod + "/00100");
  at = commune.body.find("id=\"f_MS_HOI_DAP\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(commune.body.substr(at, 200).find("value=\"0\""), std::string::npos);
}

TEST_P(ReportsHttpTest, AdminsEditTheCatalogueAndNewIndicatorsAreAskedFor) {
  auto added = province_->admin.post_form("/quan-tri/chi-tieu", {{"_csrf", province_->admin.csrf()}, {"code", "TT_NGAY_PL"}, {"group", "1. Phổ biến pháp luật trực tiếp"},
                                                       {"name", "Trong đó: hưởng ứng Ngày Pháp luật"}, {"measure", "cuộc"},
                                                       {"part_of", "TT_SO_CUOC"}, {"source_key", ""}, {"position", "13"}, {"active", "1"}});
  ASSERT_EQ(added.status, 303) << added.body;
  auto form = logged_in("xa1@x.vn").get(kPeriod + "/00100");
  EXPECT_NE(form.body.find("id=\"f_TT_NGAY_PL\""), std::string::npos);
  // Refusals name the field: a code in use, a part of a part, an unknown source.
  auto refused = province_->admin.post_form("/quan-tri/chi-tieu", {{"_csrf", province_->admin.csrf()}, {"code", "TT_NGAY_PL"}, {"group", "1"}, {"name", "X"},
                                                         {"measure", "cuộc"}, {"part_of", "TT_TAP_HUAN"}, {"source_key", "khong.co"}, {"position", "1"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Mã này đã có trong danh mục."), std::string::npos);
  EXPECT_NE(refused.body.find("đã là một phần của chỉ tiêu khác"), std::string::npos);
  EXPECT_NE(refused.body.find("Nguồn số liệu không có trong hệ thống."), std::string::npos);
  // A total with parts cannot become a part; deactivating removes the field from forms.
  auto total_as_part = province_->admin.post_form("/quan-tri/chi-tieu/TT_SO_CUOC", {{"_csrf", province_->admin.csrf()}, {"group", "1"}, {"name", "Số cuộc"},
                                                                         {"measure", "cuộc"}, {"part_of", "THI_SO_CUOC"}, {"position", "10"}, {"active", "1"}});
  EXPECT_EQ(total_as_part.status, 422);
  ASSERT_EQ(province_->admin.post_form("/quan-tri/chi-tieu/TT_NGAY_PL", {{"_csrf", province_->admin.csrf()}, {"group", "1. Phổ biến pháp luật trực tiếp"},
                                                               {"name", "Trong đó: hưởng ứng Ngày Pháp luật"}, {"measure", "cuộc"},
                                                               {"part_of", "TT_SO_CUOC"}, {"position", "13"}})
                .status,
            303);
  EXPECT_EQ(logged_in("xa1@x.vn").get(kPeriod + "/00100").body.find("id=\"f_TT_NGAY_PL\""), std::string::npos);
  EXPECT_EQ(province_->admin.get("/quan-tri/chi-tieu/KHONG_CO").status, 404);
  EXPECT_EQ(logged_in("tinh@x.vn").get("/quan-tri/chi-tieu").status, 403);
}

TEST_P(ReportsHttpTest, TheDashboardChartsApprovedFiguresByUnitAndOverThePeriods) {
  province_->approve("xa1@x.vn", "00100", {{"f_TT_SO_CUOC", "4"}, {"f_TT_LUOT_NGUOI", "1.000"}});
  province_->approve("xa2@x.vn", "00200", {{"f_TT_SO_CUOC", "6"}});
  auto& admin = province_->admin;
  ASSERT_EQ(admin.post_form("/quan-tri/bao-cao", {{"_csrf", admin.csrf()}, {"code", "2026-H1"}, {"due_on", ""}}).status, 303);

  auto approver = logged_in("tinh@x.vn");
  auto page = approver.get("/quan-tri/bao-cao/bieu-do");
  ASSERT_EQ(page.status, 200) << page.body;
  // The first indicator, in the latest period with approved figures (not the newer, empty one).
  EXPECT_NE(page.body.find("<option value=\"2026-H2\" selected>"), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"TT_SO_CUOC\" selected>"), std::string::npos);
  // The chart ranks the units with figures, largest first; the table has every unit.
  EXPECT_NE(page.body.find("Biểu đồ thanh: Số cuộc tuyên truyền, phổ biến pháp luật trực tiếp (cuộc), 2 đơn vị trực thuộc Tỉnh Mẫu có số liệu lớn nhất"),
            std::string::npos);
  EXPECT_LT(page.body.find(">Xã Hai</text>"), page.body.find(">Xã Một</text>"));
  EXPECT_EQ(page.body.find(">Sở Tư pháp</text>"), std::string::npos);
  EXPECT_NE(page.body.find(">Sở Tư pháp</a></th>"), std::string::npos);
  EXPECT_NE(page.body.find("<strong>10</strong>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/quan-tri/bao-cao/bieu-do?don-vi=00100&amp;chi-tieu=TT_SO_CUOC&amp;ky=2026-H2\">Xã Một</a></th><td class=\"number\">4</td>"),
            std::string::npos);
  EXPECT_NE(page.body.find(">Xã Hai</a></th><td class=\"number\">6</td>"), std::string::npos);
  // The trend: both periods, oldest first, each with its table row.
  auto h1 = page.body.find("(2026-H1)</span></th><td class=\"number\">0</td>");
  auto h2 = page.body.find("(2026-H2)</span></th><td class=\"number\">10</td>");
  EXPECT_NE(h1, std::string::npos);
  EXPECT_NE(h2, std::string::npos);
  EXPECT_LT(h1, h2);

  auto people = approver.get("/quan-tri/bao-cao/bieu-do?chi-tieu=TT_LUOT_NGUOI&ky=2026-H2");
  EXPECT_NE(people.body.find("<strong>1.000</strong>"), std::string::npos);

  // A commune's reporter sees their own commune, and nothing above it.
  auto reporter = logged_in("xa1@x.vn");
  auto own = reporter.get("/quan-tri/bao-cao/bieu-do");
  ASSERT_EQ(own.status, 200);
  EXPECT_NE(own.body.find("<h1>Biểu đồ số liệu PBGDPL: Xã Một</h1>"), std::string::npos);
  EXPECT_EQ(own.body.find("Biểu đồ thanh"), std::string::npos);  // no units below
  EXPECT_EQ(reporter.get("/quan-tri/bao-cao/bieu-do?don-vi=01").status, 403);
  for (const auto* bad : {"?chi-tieu=KHONG_CO", "?ky=2026-H9", "?ky=2025", "?don-vi=%27x", "?don-vi=99"})
    EXPECT_EQ(approver.get(std::string("/quan-tri/bao-cao/bieu-do") + bad).status, 404) << bad;
}

TEST_P(ReportsHttpTest, AUnitsFiguresComeFromTheSpreadsheetTemplateAsADraft) {
  auto reporter = logged_in("xa1@x.vn");
  auto download = reporter.get(kPeriod + "/00100/mau.xlsx");
  ASSERT_EQ(download.status, 200);
  auto sheets = core::read_xlsx(download.body);
  ASSERT_TRUE(sheets);
  auto filled = *sheets;
  for (auto& row : filled.front().rows) {
    if (row[0] == core::Cell(std::string("TT_SO_CUOC"))) row[4] = std::int64_t{7};
    if (row[0] == core::Cell(std::string("TT_LUOT_NGUOI"))) row[4] = std::string("1.500");
  }
  auto upload = [&](const std::string& bytes, const std::string& version) {
    return reporter.post_multipart(kPeriod + "/00100/nhap", {{"_csrf", reporter.csrf()}, {"version", version}}, "tep", "so-lieu.xlsx", bytes);
  };
  auto imported = upload(core::to_xlsx(filled), "0");
  ASSERT_EQ(imported.status, 303) << imported.body;
  EXPECT_EQ(*imported.header("location"), kPeriod + "/00100?da-nhap=1");
  auto form = reporter.get(kPeriod + "/00100?da-nhap=1");
  EXPECT_NE(form.body.find("Đã nhập số liệu từ tệp và lưu nháp"), std::string::npos);
  EXPECT_NE(form.body.find("name=\"f_TT_SO_CUOC\" value=\"7\""), std::string::npos);
  EXPECT_NE(form.body.find("name=\"f_TT_LUOT_NGUOI\" value=\"1500\""), std::string::npos);
  EXPECT_NE(form.body.find("Đang nhập"), std::string::npos);  // saved, not submitted
  // Someone else's unit: refused like its form.
  EXPECT_EQ(reporter.get(kPeriod + "/00200/mau.xlsx").status, 403);

  // Bad files: nothing stored, the reason in Vietnamese.
  const auto version = version_of(reporter, "00100");
  auto not_xlsx = upload("Mã chỉ tiêu,Số liệu\nTT_SO_CUOC,9\n", version);
  EXPECT_EQ(not_xlsx.status, 422);
  EXPECT_NE(not_xlsx.body.find("Bảng tính .xlsx bị hỏng"), std::string::npos);
  auto broken = filled;
  broken.front().rows.push_back({std::string("KHONG_CO"), std::string(""), std::string(""), std::string(""), std::int64_t{1}});
  auto unknown = upload(core::to_xlsx(broken), version);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("không có chỉ tiêu mã «KHONG_CO»"), std::string::npos);
  auto too_big = filled;
  for (auto& row : too_big.front().rows)
    if (row[0] == core::Cell(std::string("TT_TAP_HUAN"))) row[4] = std::int64_t{8};  // a part above its total of 7
  auto refused = upload(core::to_xlsx(too_big), version);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("không được lớn hơn"), std::string::npos);
  EXPECT_EQ(upload("", version).status, 422);
  EXPECT_EQ(version_of(reporter, "00100"), version);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportsHttpTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
