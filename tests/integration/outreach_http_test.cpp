// The registry of legal reporters and propagandists and the activity log, over HTTP on both
// databases: who may add people and record activities where (the tree decides), validation in
// Vietnamese, search with and without diacritics, exports read back, relief, a person's record
// with trainings and activities, and activities and people counted on the PBGDPL report forms.
#include "core/xlsx_reader.h"
#include "support/report_fixtures.h"
#include "units/settings.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace testing_support;

const std::string kRegistry = "/quan-tri/bao-cao-vien";
const std::string kActivities = "/quan-tri/hoat-dong";

class OutreachHttpTest : public SampleProvinceTest {
 protected:
  HttpResponse add_person(HttpClient& c, const std::string& name, const std::string& unit, const std::string& kind, const std::string& level,
                          const std::string& email = "") {
    return c.post_form(kRegistry, {{"_csrf", c.csrf()}, {"full_name", name}, {"unit_code", unit}, {"kind", kind}, {"level", level},
                                   {"decision_number", "125/QĐ-UBND"}, {"decision_date", "2025-03-12"}, {"fields", "Đất đai"},
                                   {"position", ""}, {"email", email}, {"phone", ""}});
  }

  // The id at the end of a redirect to a record ("/quan-tri/bao-cao-vien/7?da-luu=1" → "7").
  static std::string id_in(const HttpResponse& r) {
    auto location = r.header("location").value_or("");
    auto end = location.find('?');
    auto start = location.rfind('/', end) + 1;
    return location.substr(start, end - start);
  }

  HttpResponse record_activity(HttpClient& c, const std::string& unit, const std::string& participants, std::vector<std::string> leaders,
                               const std::string& held_on = "2026-11-09") {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"_csrf", c.csrf()}, {"unit_code", unit}, {"kind", "hoi-nghi"}, {"title", "Hội nghị phổ biến Luật Đất đai năm 2024"},
        {"held_on", held_on}, {"place", "Hội trường UBND xã"}, {"form", "truc-tiep"}, {"audience", "Cán bộ, nhân dân"},
        {"participants", participants}, {"materials", "Đề cương giới thiệu luật"}};
    for (auto& l : leaders) fields.emplace_back("leaders", l);
    return c.post_form(kActivities, fields);
  }

};

TEST_P(OutreachHttpTest, ApproversKeepTheRegistryOfTheirUnitsAndEveryoneFindsPeopleWithOrWithoutDiacritics) {
  auto province = province_->logged_in("tinh@x.vn");
  auto commune_approver = province_->logged_in("duyetxa@x.vn");
  auto reporter = province_->logged_in("xa1@x.vn");

  auto added = add_person(province, "Nguyễn Thị Lan", "01-STP", "bao-cao-vien", "cap-tinh");
  ASSERT_EQ(added.status, 303) << added.body;
  const auto lan = id_in(added);
  ASSERT_EQ(add_person(commune_approver, "Trần Văn Đức", "00100", "tuyen-truyen-vien", "cap-xa").status, 303);
  // Not below the commune approver's unit; a propagandist is not provincial; a reporter adds nobody.
  auto elsewhere = add_person(commune_approver, "Lê Văn Hai", "00200", "tuyen-truyen-vien", "cap-xa");
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_NE(elsewhere.body.find("Bạn chỉ quản lý đơn vị của mình và các đơn vị cấp dưới."), std::string::npos);
  auto mismatched = add_person(province, "Lê Văn Ba", "00200", "tuyen-truyen-vien", "cap-tinh");
  EXPECT_EQ(mismatched.status, 422);
  EXPECT_NE(mismatched.body.find("Tuyên truyền viên pháp luật được công nhận ở cấp xã."), std::string::npos);
  EXPECT_NE(mismatched.body.find("value=\"Lê Văn Ba\""), std::string::npos);  // what was typed comes back
  EXPECT_EQ(add_person(reporter, "Ai Đó", "00100", "tuyen-truyen-vien", "cap-xa").status, 403);

  // Search: with or without diacritics, by kind; each sees their own units only.
  for (const auto* q : {"?q=nguyen+thi", "?q=Nguy%E1%BB%85n", "?loai=bao-cao-vien"}) {
    auto list = province.get(kRegistry + q);
    EXPECT_NE(list.body.find(">Nguyễn Thị Lan</a>"), std::string::npos) << q;
    EXPECT_EQ(list.body.find(">Trần Văn Đức</a>"), std::string::npos) << q;
  }
  auto own = reporter.get(kRegistry);
  EXPECT_NE(own.body.find(">Trần Văn Đức</a>"), std::string::npos);
  EXPECT_EQ(own.body.find(">Nguyễn Thị Lan</a>"), std::string::npos);
  EXPECT_EQ(reporter.get(kRegistry + "/" + lan).status, 404);
  EXPECT_EQ(reporter.get(kRegistry + "?don-vi=01").status, 404);
  EXPECT_EQ(province.get(kRegistry + "?loai=khac").status, 404);
  EXPECT_EQ(province.get(kRegistry + "/abc").status, 404);

  // The export holds what the list holds, read back.
  auto xlsx = province.get(kRegistry + "/tai-ve.xlsx?trang-thai=dang-hoat-dong");
  ASSERT_EQ(xlsx.status, 200);
  auto sheets = core::read_xlsx(xlsx.body);
  ASSERT_TRUE(sheets);
  ASSERT_EQ(sheets->front().rows.size(), 2u);
  EXPECT_EQ(sheets->front().rows[0][0], core::Cell(std::string("Nguyễn Thị Lan")));
  EXPECT_EQ(sheets->front().rows[0][3], core::Cell(std::string("Sở Tư pháp")));
  EXPECT_NE(province.get(kRegistry + "/tai-ve.csv").body.find("Trần Văn Đức,Tuyên truyền viên pháp luật,Cấp xã,Xã Một"), std::string::npos);

  // A training recorded, then relief: once, on a day between recognition and today.
  ASSERT_EQ(province.post_form(kRegistry + "/" + lan + "/tap-huan", {{"_csrf", province.csrf()}, {"title", "Bồi dưỡng kỹ năng PBGDPL"},
                                                                     {"held_on", "2026-05-20"}, {"organiser", "Bộ Tư pháp"}})
                .status,
            303);
  auto bad_relief = province.post_form(kRegistry + "/" + lan + "/mien-nhiem", {{"_csrf", province.csrf()}, {"relieved_on", "2024-01-01"}, {"relieved_reason", ""}});
  EXPECT_EQ(bad_relief.status, 422);
  EXPECT_NE(bad_relief.body.find("Ngày miễn nhiệm phải từ ngày được công nhận đến hôm nay."), std::string::npos);
  ASSERT_EQ(province.post_form(kRegistry + "/" + lan + "/mien-nhiem", {{"_csrf", province.csrf()}, {"relieved_on", "2026-10-01"}, {"relieved_reason", "Nghỉ hưu"}}).status,
            303);
  EXPECT_EQ(province.post_form(kRegistry + "/" + lan + "/mien-nhiem", {{"_csrf", province.csrf()}, {"relieved_on", "2026-10-02"}, {"relieved_reason", ""}}).status,
            409);
  auto record = province.get(kRegistry + "/" + lan);
  EXPECT_NE(record.body.find("Đã miễn nhiệm ngày 01/10/2026"), std::string::npos);
  EXPECT_NE(record.body.find("20/05/2026: Bồi dưỡng kỹ năng PBGDPL (Bộ Tư pháp)"), std::string::npos);
  EXPECT_EQ(province.get(kRegistry + "?trang-thai=dang-hoat-dong").body.find(">Nguyễn Thị Lan</a>"), std::string::npos);
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'legal_reporter.%'"), 4);
}

TEST_P(OutreachHttpTest, ActivitiesAreRecordedByTheirUnitAndCountOnThePbgdplReport) {
  auto province = province_->logged_in("tinh@x.vn");
  ASSERT_EQ(add_person(province, "Trần Văn Đức", "00100", "tuyen-truyen-vien", "cap-xa").status, 303);
  auto lan = add_person(province, "Nguyễn Thị Lan", "01-STP", "bao-cao-vien", "cap-tinh");
  const auto lan_id = id_in(lan);
  const auto duc_id = std::to_string(std::stoll(lan_id) - 1);

  auto reporter = province_->logged_in("xa1@x.vn");
  // The form offers the commune's propagandist and the province's legal reporters.
  auto blank = reporter.get(kActivities + "/moi");
  ASSERT_EQ(blank.status, 200);
  EXPECT_NE(blank.body.find("Trần Văn Đức (Tuyên truyền viên pháp luật)"), std::string::npos);
  EXPECT_NE(blank.body.find("Nguyễn Thị Lan (Báo cáo viên pháp luật)"), std::string::npos);

  auto recorded = record_activity(reporter, "00100", "1.200", {duc_id, lan_id});
  ASSERT_EQ(recorded.status, 303) << recorded.body;
  ASSERT_EQ(record_activity(reporter, "00100", "80", {}, "2026-12-01").status, 303);
  // Not the reporter's unit; bad figures; a date to come; a leader that is not in the registry.
  auto elsewhere = record_activity(reporter, "00200", "10", {});
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_NE(elsewhere.body.find("Bạn chỉ ghi hoạt động của đơn vị mình và các đơn vị cấp dưới."), std::string::npos);
  auto bad = record_activity(reporter, "00100", "nhiều", {}, "2099-01-01");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Số người tham dự là số nguyên từ 0 đến 10.000.000."), std::string::npos);
  EXPECT_NE(bad.body.find("Chỉ ghi hoạt động đã diễn ra"), std::string::npos);
  EXPECT_EQ(record_activity(reporter, "00100", "10", {"999999"}).status, 422);
  EXPECT_EQ(record_activity(reporter, "00100", "10", {"'1"}).status, 422);

  auto list = reporter.get(kActivities + "?tu=2026-11-01&den=2026-11-30");
  EXPECT_NE(list.body.find("1 hoạt động."), std::string::npos);
  EXPECT_EQ(reporter.get(kActivities + "?tu=2026-13-01").status, 400);
  EXPECT_EQ(reporter.get(kActivities + "?don-vi=00200").status, 404);
  EXPECT_EQ(province_->logged_in("xa2@x.vn").get(*recorded.header("location")).status, 404);

  // The leader's record lists it; the activity lists its leaders.
  auto record = province.get(kRegistry + "/" + duc_id);
  EXPECT_NE(record.body.find("Hội nghị phổ biến Luật Đất đai năm 2024</a> (Hội nghị, 1200 người dự)"), std::string::npos);
  auto activity = reporter.get(*recorded.header("location"));
  EXPECT_NE(activity.body.find(">Nguyễn Thị Lan</a>"), std::string::npos);

  // The commune's PBGDPL report for the half-year starts from what was recorded.
  auto form = reporter.get(kReportPeriod + "/00100");
  EXPECT_NE(form.body.find("name=\"f_TT_SO_CUOC\" value=\"2\""), std::string::npos);
  EXPECT_NE(form.body.find("name=\"f_TT_LUOT_NGUOI\" value=\"1280\""), std::string::npos);
  EXPECT_NE(form.body.find("name=\"f_TTV_SO\" value=\"1\""), std::string::npos);
  // The provincial legal reporter belongs to the Department of Justice's report.
  EXPECT_NE(province_->admin.get(kReportPeriod + "/01-STP").body.find("name=\"f_BCV_SO\" value=\"1\""), std::string::npos);
}

TEST_P(OutreachHttpTest, TheJsonApiAnswersWithinOnesUnitsAndRefusesBadParameters) {
  auto province = province_->logged_in("tinh@x.vn");
  ASSERT_EQ(add_person(province, "Trần Văn Đức", "00100", "tuyen-truyen-vien", "cap-xa", "duc@x.vn").status, 303);
  auto lan = add_person(province, "Nguyễn Thị Lan", "01-STP", "bao-cao-vien", "cap-tinh");
  const auto lan_id = id_in(lan), duc_id = std::to_string(std::stoll(lan_id) - 1);
  auto reporter = province_->logged_in("xa1@x.vn");
  auto recorded = record_activity(reporter, "00100", "120", {duc_id});
  ASSERT_EQ(recorded.status, 303);
  const auto activity_id = id_in(recorded);
  auto json_of = [](const HttpResponse& r) { return nlohmann::json::parse(r.body); };

  // The province sees both people; a search without diacritics finds one, with its fields.
  auto all = province.get("/api/v1/reporters");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(json_of(all)["total"], 2);
  auto found = json_of(province.get("/api/v1/reporters?q=tran%20van%20duc&kind=tuyen-truyen-vien&active=true"));
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["items"][0]["full_name"], "Trần Văn Đức");
  EXPECT_EQ(found["items"][0]["unit"], "00100");
  EXPECT_EQ(found["items"][0]["level"], "cap-xa");
  EXPECT_EQ(found["items"][0]["active"], true);
  auto record = json_of(province.get("/api/v1/reporters/" + duc_id));
  ASSERT_EQ(record["activities"].size(), 1u);
  EXPECT_EQ(record["activities"][0]["participants"], 120);
  // The commune's reporter sees only the people of the commune.
  EXPECT_EQ(json_of(reporter.get("/api/v1/reporters"))["total"], 1);
  EXPECT_EQ(reporter.get("/api/v1/reporters/" + lan_id).status, 404);
  EXPECT_EQ(reporter.get("/api/v1/reporters?unit=00200").status, 404);
  for (const auto* bad : {"?kind=khac", "?level=x", "?active=co", "?limit=0", "?limit=101", "?offset=-1", "?unit=%3Cscript%3E"})
    EXPECT_EQ(province.get(std::string("/api/v1/reporters") + bad).status, 400) << bad;
  EXPECT_EQ(province.get("/api/v1/reporters/abc").status, 404);

  // Activities.
  auto activities = json_of(reporter.get("/api/v1/activities?from=2026-11-01&to=2026-11-30&kind=hoi-nghi"));
  ASSERT_EQ(activities["total"], 1);
  EXPECT_EQ(activities["items"][0]["title"], "Hội nghị phổ biến Luật Đất đai năm 2024");
  EXPECT_EQ(activities["items"][0]["held_on"], "2026-11-09");
  auto activity = json_of(reporter.get("/api/v1/activities/" + activity_id));
  ASSERT_EQ(activity["leaders"].size(), 1u);
  EXPECT_EQ(activity["leaders"][0]["full_name"], "Trần Văn Đức");
  EXPECT_EQ(reporter.get("/api/v1/activities?from=2026-13-01").status, 400);
  EXPECT_EQ(reporter.get("/api/v1/activities?kind=le-hoi").status, 400);
  EXPECT_EQ(province_->logged_in("xa2@x.vn").get("/api/v1/activities/" + activity_id).status, 404);

  // Not signed in, or a citizen: refused as the pages are.
  EXPECT_EQ(server_->client().get("/api/v1/reporters").status, 401);
  EXPECT_EQ(server_->client().get("/api/v1/activities").status, 401);
}

TEST_P(OutreachHttpTest, CommendationsAreProposedWithTheirFiguresAndDecidedByTheProvince) {
  auto province = province_->logged_in("tinh@x.vn");
  auto duc = add_person(province, "Trần Văn Đức", "00100", "tuyen-truyen-vien", "cap-xa");
  const auto duc_id = id_in(duc);
  auto reporter = province_->logged_in("xa1@x.vn");
  ASSERT_EQ(record_activity(reporter, "00100", "150", {duc_id}, "2026-09-02").status, 303);
  ASSERT_EQ(record_activity(reporter, "00100", "50", {}, "2026-10-15").status, 303);

  auto propose = [&](HttpClient& c, const std::string& nominee, const std::string& award, const std::string& from, const std::string& to) {
    return c.post_form("/quan-tri/khen-thuong", {{"_csrf", c.csrf()}, {"nominee", nominee}, {"award", award},
                                                 {"reason", "Tổ chức nhiều hoạt động hưởng ứng Ngày Pháp luật, thu hút đông người dân tham gia."},
                                                 {"from_date", from}, {"to_date", to}});
  };
  // The commune proposes itself and its propagandist; not the other commune; not a future period.
  ASSERT_EQ(propose(reporter, "unit:00100", "Giấy khen của Giám đốc Sở Tư pháp", "2026-01-01", "2026-11-30").status, 303);
  ASSERT_EQ(propose(reporter, "person:" + duc_id, "Giấy khen của Giám đốc Sở Tư pháp", "2026-09-01", "2026-09-30").status, 303);
  auto elsewhere = propose(reporter, "unit:00200", "Giấy khen", "2026-01-01", "2026-11-30");
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_NE(elsewhere.body.find("Hãy chọn một đơn vị hoặc một báo cáo viên, tuyên truyền viên bạn phụ trách."), std::string::npos);
  EXPECT_EQ(propose(reporter, "unit:00100", "Giấy khen", "2026-01-01", "2099-01-01").status, 422);
  EXPECT_EQ(propose(reporter, "person:abc", "Giấy khen", "2026-01-01", "2026-11-30").status, 422);

  // Each line carries the figures of its period: the commune's two activities; the one he led.
  auto list = reporter.get("/quan-tri/khen-thuong?loc=de-nghi");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Từ 01/01/2026 – 30/11/2026: 2 hoạt động phổ biến pháp luật, 200 lượt người tham dự."), std::string::npos);
  EXPECT_NE(list.body.find("Từ 01/09/2026 – 30/09/2026: 1 hoạt động phổ biến pháp luật, 150 lượt người tham dự."), std::string::npos);
  EXPECT_EQ(list.body.find("Số quyết định khen thưởng"), std::string::npos);  // reporters do not decide
  EXPECT_EQ(province_->logged_in("xa2@x.vn").get("/quan-tri/khen-thuong").body.find("Xã Một"), std::string::npos);

  auto visitor = server_->client();
  visitor.get("/ton-vinh");  // its cookie set, the visitor's next look is served from the page cache
  EXPECT_NE(visitor.get("/ton-vinh").body.find("Chưa có tập thể, cá nhân nào được khen thưởng."), std::string::npos);

  // The province decides: awarded with a number, or declined with a reason; once.
  auto& admin = province_->admin;
  const auto ids = server_->database().acquire()->query("SELECT id FROM commendations ORDER BY id");
  ASSERT_EQ(ids.size(), 2u);
  const auto first = "/quan-tri/khen-thuong/" + std::to_string(ids[0].int64(0)), second = "/quan-tri/khen-thuong/" + std::to_string(ids[1].int64(0));
  EXPECT_EQ(reporter.post_form(first + "/khen", {{"_csrf", reporter.csrf()}, {"decision_number", "12/QĐ-STP"}}).status, 403);
  EXPECT_EQ(admin.post_form(first + "/khen", {{"_csrf", admin.csrf()}, {"decision_number", ""}}).status, 422);
  ASSERT_EQ(admin.post_form(first + "/khen", {{"_csrf", admin.csrf()}, {"decision_number", "12/QĐ-STP"}}).status, 303);
  EXPECT_EQ(admin.post_form(first + "/khong-khen", {{"_csrf", admin.csrf()}, {"decision_note", "Đã khen rồi"}}).status, 409);
  ASSERT_EQ(admin.post_form(second + "/khong-khen", {{"_csrf", admin.csrf()}, {"decision_note", "Chưa đủ thời gian lập thành tích"}}).status, 303);
  EXPECT_EQ(admin.post_form("/quan-tri/khen-thuong/999999/khen", {{"_csrf", admin.csrf()}, {"decision_number", "1"}}).status, 404);
  auto awarded = reporter.get("/quan-tri/khen-thuong?loc=da-khen");
  EXPECT_NE(awarded.body.find("Đã khen thưởng</span> · Quyết định số 12/QĐ-STP"), std::string::npos);
  EXPECT_EQ(awarded.body.find("<strong>Trần Văn Đức</strong>"), std::string::npos);  // declined: not among the awarded
  EXPECT_NE(reporter.get("/quan-tri/khen-thuong").body.find("Lý do: Chưa đủ thời gian lập thành tích"), std::string::npos);
  EXPECT_EQ(reporter.get("/quan-tri/khen-thuong?loc=khac").status, 404);
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'commendation.%'"), 4);

  // The public page honours the awarded one only, with its figures, for anyone (the page cached
  // before the decisions is not served after them).
  auto honoured = visitor.get("/ton-vinh");
  ASSERT_EQ(honoured.status, 200);
  EXPECT_NE(honoured.body.find("<h2>Xã Một</h2>"), std::string::npos) << honoured.body;
  EXPECT_NE(honoured.body.find("Quyết định số 12/QĐ-STP ngày "), std::string::npos);
  EXPECT_NE(honoured.body.find("2 hoạt động phổ biến pháp luật, 200 lượt người tham dự."), std::string::npos);
  EXPECT_EQ(honoured.body.find("Trần Văn Đức"), std::string::npos);
  EXPECT_EQ(honoured.body.find("Chưa đủ thời gian"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutreachHttpTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
