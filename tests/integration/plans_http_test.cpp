// Plans and their follow-up over HTTP on both databases: an admin imports a plan file (all or
// nothing, once), tasks past their deadline stand out, a unit reports progress on its own tasks
// only, and a task is done only with evidence (a link, an activity, or files: checked, stripped of
// personal metadata, and served only to those who follow the plans).
#include "core/time.h"
#include "plans/plan_service.h"
#include "support/attachment_fixtures.h"
#include "support/report_fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace {

using namespace testing_support;

const std::string kPlans = "/quan-tri/ke-hoach";

// Three tasks: the Department of Justice's, overdue; the first commune's and the second's, due later.
const std::string kPlanFile = R"({"code": "12/KH-UBND", "title": "Kế hoạch chuyển đổi số trong phổ biến pháp luật", "issued_on": "2026-01-10",
  "tasks": [
    {"area": "Cổng thông tin", "title": "Xây dựng cổng thông tin phổ biến pháp luật", "lead": "-STP", "deadline": "2026-03-31", "expected_output": "Cổng hoạt động"},
    {"title": "Số hóa tủ sách pháp luật của xã", "lead": "00100", "deadline": "2099-12-31"},
    {"title": "Tuyên truyền trên loa truyền thanh", "lead": "00200", "deadline": "2099-12-31"}]})";

class PlansHttpTest : public SampleProvinceTest {
 protected:
  HttpResponse upload(HttpClient& c, const std::string& json) {
    return c.post_multipart(kPlans, {{"_csrf", c.csrf()}}, "tep", "ke-hoach.json", json);
  }
  HttpResponse report(HttpClient& c, const std::string& task_url, const std::string& status, const std::string& note,
                      const std::string& url = "", const std::string& activity = "") {
    return c.post_form(task_url, {{"_csrf", c.csrf()}, {"status", status}, {"note", note}, {"evidence_url", url}, {"activity_id", activity}});
  }
  // The address of task `n` (1-based) of the plan page.
  static std::string task_url(const std::string& page, int n) {
    std::size_t at = 0;
    for (int i = 0; i < n; ++i) at = page.find("/nhiem-vu/", at + 1);
    auto start = page.rfind('"', at) + 1;
    return page.substr(start, page.find('"', at) - start);
  }
};

TEST_P(PlansHttpTest, APlanIsImportedOnceAndItsUnitsReportProgressWithEvidence) {
  auto& admin = province_->admin;
  auto bad = upload(admin, R"({"code": "13/KH-UBND", "title": "Kế hoạch", "issued_on": "2026-01-10", "tasks": [{"title": "Việc", "lead": "99999", "deadline": "2026-01-01"}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("nhiệm vụ 1 (&quot;lead&quot;): Không có đơn vị chủ trì mang mã «99999»."), std::string::npos) << bad.body;
  auto imported = upload(admin, kPlanFile);
  ASSERT_EQ(imported.status, 303) << imported.body;
  const auto plan_url = imported.header("location")->substr(0, imported.header("location")->find('?'));
  EXPECT_EQ(upload(admin, kPlanFile).status, 409);
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM plans"), 1);
  // Only admins import.
  auto reporter = province_->logged_in("xa1@x.vn");
  EXPECT_EQ(upload(reporter, kPlanFile).status, 403);

  auto list = reporter.get(kPlans);
  EXPECT_NE(list.body.find("12/KH-UBND"), std::string::npos);
  EXPECT_NE(list.body.find("0/3 hoàn thành"), std::string::npos);
  EXPECT_NE(list.body.find("<strong class=\"late\">1</strong>"), std::string::npos);
  auto page = reporter.get(plan_url);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("1 nhiệm vụ quá hạn"), std::string::npos);
  auto overdue = reporter.get(plan_url + "?qua-han=1");
  EXPECT_NE(overdue.body.find("Xây dựng cổng thông tin"), std::string::npos);
  EXPECT_EQ(overdue.body.find("Số hóa tủ sách"), std::string::npos);

  // The commune reports on its own task, not on the Department's.
  const auto justice_task = task_url(page.body, 1), own_task = task_url(page.body, 2);
  EXPECT_EQ(report(reporter, justice_task, "in_progress", "Đang làm").status, 403);
  EXPECT_EQ(reporter.get(justice_task).body.find("Gửi báo cáo tiến độ"), std::string::npos);
  auto no_evidence = report(reporter, own_task, "done", "Đã số hóa xong");
  EXPECT_EQ(no_evidence.status, 422);
  EXPECT_NE(no_evidence.body.find("Báo cáo hoàn thành cần minh chứng"), std::string::npos);
  EXPECT_NE(no_evidence.body.find("Đã số hóa xong"), std::string::npos);  // what was typed comes back
  EXPECT_EQ(report(reporter, own_task, "done", "Đã số hóa xong", "javascript:alert(1)").status, 422);
  EXPECT_EQ(report(reporter, own_task, "done", "Đã số hóa xong", "", "424242").status, 422);
  EXPECT_EQ(report(reporter, own_task, "xong", "Đã số hóa xong", "https://x.vn").status, 422);
  ASSERT_EQ(report(reporter, own_task, "in_progress", "Đã số hóa 120 đầu sách").status, 303);
  ASSERT_EQ(report(reporter, own_task, "done", "Đã số hóa 300 đầu sách", "https://xamot.example.gov.vn/tu-sach").status, 303);
  auto task = reporter.get(own_task);
  EXPECT_NE(task.body.find("Đã hoàn thành"), std::string::npos);
  EXPECT_NE(task.body.find("href=\"https://xamot.example.gov.vn/tu-sach\""), std::string::npos);
  EXPECT_LT(task.body.find("Đã số hóa 300 đầu sách"), task.body.find("Đã số hóa 120 đầu sách"));  // newest first
  EXPECT_NE(reporter.get(kPlans).body.find("1/3 hoàn thành"), std::string::npos);

  // The provincial approver answers for the Department below the province.
  auto approver = province_->logged_in("tinh@x.vn");
  ASSERT_EQ(report(approver, justice_task, "done", "Cổng đã vận hành", "https://pbgdpl.example.gov.vn").status, 303);
  auto after = approver.get(plan_url);
  EXPECT_EQ(after.body.find("1 nhiệm vụ quá hạn"), std::string::npos);
  EXPECT_EQ(after.body.find("Quá hạn</strong>"), std::string::npos);
  EXPECT_EQ(approver.get(kPlans + "/999999").status, 404);
  EXPECT_EQ(approver.get(plan_url + "/nhiem-vu/abc").status, 404);
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'plan_task.progress'"), 3);
}

TEST_P(PlansHttpTest, InspectionsAndEvaluationsAreRecordedForTheUnitsOneOversees) {
  auto imported = upload(province_->admin, kPlanFile);
  ASSERT_EQ(imported.status, 303);
  const auto plan_url = imported.header("location")->substr(0, imported.header("location")->find('?'));
  auto review = [&](HttpClient& c, const std::string& unit, const std::string& held_on, const std::string& findings, const std::string& rating) {
    return c.post_form(plan_url + "/danh-gia", {{"_csrf", c.csrf()}, {"kind", "interim"}, {"held_on", held_on}, {"unit_code", unit},
                                                {"findings", findings}, {"rating", rating}, {"recommendations", "Đẩy nhanh số hóa tủ sách"}});
  };
  auto commune_approver = province_->logged_in("duyetxa@x.vn");
  auto elsewhere = review(commune_approver, "00200", "2026-06-30", "Đã triển khai", "good");
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_NE(elsewhere.body.find("Hãy chọn một đơn vị bạn phụ trách."), std::string::npos);
  auto bad = review(commune_approver, "00100", "2099-01-01", "x", "xuat-sac");
  EXPECT_EQ(bad.status, 422);
  for (const auto* message : {"Ngày thực hiện phải là một ngày không sau hôm nay.", "Kết quả kiểm tra, đánh giá phải có từ 3 đến 4.000 ký tự.",
                              "Hãy chọn một mức xếp loại trong danh sách."})
    EXPECT_NE(bad.body.find(message), std::string::npos) << message;
  auto reporter = province_->logged_in("xa1@x.vn");
  EXPECT_EQ(review(reporter, "00100", "2026-06-30", "Đã triển khai", "good").status, 403);
  EXPECT_EQ(reporter.get(plan_url).body.find("Ghi nhận kết quả kiểm tra"), std::string::npos);

  ASSERT_EQ(review(commune_approver, "00100", "2026-06-30", "Đã số hóa 120 đầu sách, còn chậm so với kế hoạch", "fair").status, 303);
  auto page = reporter.get(plan_url);
  EXPECT_NE(page.body.find("<strong>Sơ kết</strong> · Xã Một · 30/06/2026 · Xếp loại: <strong>Khá</strong>"), std::string::npos);
  EXPECT_NE(page.body.find("Kiến nghị: Đẩy nhanh số hóa tủ sách"), std::string::npos);
  EXPECT_EQ(commune_approver.post_form(kPlans + "/999999/danh-gia", {{"_csrf", commune_approver.csrf()}}).status, 404);
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'plan.review'"), 1);
}

TEST_P(PlansHttpTest, AdminsCorrectAPlanAndItsTasksWhileTheUnitsReportsStay) {
  auto& admin = province_->admin;
  auto imported = upload(admin, kPlanFile);
  ASSERT_EQ(imported.status, 303);
  const auto plan_url = imported.header("location")->substr(0, imported.header("location")->find('?'));
  auto reporter = province_->logged_in("xa1@x.vn");
  auto page = reporter.get(plan_url);  // an admin's page links to a new task first
  const auto justice_task = task_url(page.body, 1), commune_task = task_url(page.body, 2), loudspeaker_task = task_url(page.body, 3);
  auto edit_task = [&](HttpClient& c, const std::string& action, const std::string& title, const std::string& lead, const std::string& deadline) {
    return c.post_form(action, {{"_csrf", c.csrf()}, {"title", title}, {"area", "Tủ sách pháp luật"}, {"lead_unit", lead},
                                {"partners", "Thư viện tỉnh"}, {"deadline", deadline}, {"expected_output", "Tủ sách điện tử của xã"}});
  };

  // The plan's details.
  EXPECT_EQ(admin.get(plan_url + "/sua").status, 200);
  auto bad_plan = admin.post_form(plan_url + "/sua", {{"_csrf", admin.csrf()}, {"title", "K"}, {"basis", ""}, {"issued_by", "99999"}, {"issued_on", "2026-02-30"}});
  EXPECT_EQ(bad_plan.status, 422);
  for (const auto* message : {"Tên kế hoạch phải có từ 3 đến 500 ký tự.", "Không có đơn vị ban hành mang mã «99999».", "Ngày ban hành phải là một ngày (năm-tháng-ngày)."})
    EXPECT_NE(bad_plan.body.find(message), std::string::npos) << message;
  ASSERT_EQ(admin.post_form(plan_url + "/sua", {{"_csrf", admin.csrf()}, {"title", "Kế hoạch chuyển đổi số (sửa đổi)"}, {"basis", "Quyết định 471/QĐ-TTg"},
                                                {"issued_by", "01"}, {"issued_on", "2026-01-15"}}).status,
            303);
  auto corrected = admin.get(plan_url);
  EXPECT_NE(corrected.body.find("Kế hoạch chuyển đổi số (sửa đổi)"), std::string::npos);
  EXPECT_NE(corrected.body.find("ban hành ngày 15/01/2026. Căn cứ: Quyết định 471/QĐ-TTg."), std::string::npos);

  // A task moved to the second commune with a later deadline keeps its reports; it is no longer the first commune's.
  ASSERT_EQ(report(reporter, commune_task, "in_progress", "Đã số hóa 120 đầu sách").status, 303);
  EXPECT_EQ(edit_task(admin, commune_task + "/sua", "x", "99999", "2026-13-01").status, 422);
  ASSERT_EQ(edit_task(admin, commune_task + "/sua", "Số hóa tủ sách pháp luật của phường", "00200", "2099-06-30").status, 303);
  auto moved = admin.get(commune_task);
  EXPECT_NE(moved.body.find("Số hóa tủ sách pháp luật của phường"), std::string::npos);
  EXPECT_NE(moved.body.find("Xã Hai"), std::string::npos);
  EXPECT_NE(moved.body.find("30/06/2099"), std::string::npos);
  EXPECT_NE(moved.body.find("Đã số hóa 120 đầu sách"), std::string::npos);
  EXPECT_NE(moved.body.find("Đang thực hiện"), std::string::npos);
  EXPECT_EQ(report(reporter, commune_task, "in_progress", "Thêm 10 đầu sách").status, 403);
  // Reported on: not removed; not reported on: removed.
  EXPECT_EQ(admin.post_form(commune_task + "/xoa", {{"_csrf", admin.csrf()}}).status, 409);
  ASSERT_EQ(admin.post_form(loudspeaker_task + "/xoa", {{"_csrf", admin.csrf()}}).status, 303);
  EXPECT_EQ(admin.get(loudspeaker_task).status, 404);

  // A new task comes last; a task is only corrected through its own plan.
  ASSERT_EQ(edit_task(admin, plan_url + "/nhiem-vu/moi", "Tập huấn báo cáo viên về chuyển đổi số", "01-STP", "2099-12-31").status, 303);
  auto with_new = admin.get(plan_url);
  EXPECT_NE(with_new.body.find("3. Tập huấn báo cáo viên về chuyển đổi số"), std::string::npos);
  EXPECT_EQ(edit_task(admin, kPlans + "/999999/nhiem-vu/moi", "Việc mới", "01-STP", "2099-12-31").status, 404);
  const auto wrong_plan = kPlans + "/999999" + justice_task.substr(justice_task.find("/nhiem-vu/"));
  EXPECT_EQ(edit_task(admin, wrong_plan + "/sua", "Việc", "01-STP", "2099-12-31").status, 404);

  // Only admins correct plans.
  EXPECT_EQ(reporter.get(plan_url + "/sua").status, 403);
  EXPECT_EQ(edit_task(reporter, justice_task + "/sua", "Việc", "01-STP", "2099-12-31").status, 403);
  EXPECT_EQ(reporter.post_form(justice_task + "/xoa", {{"_csrf", reporter.csrf()}}).status, 403);
  EXPECT_EQ(reporter.get(plan_url).body.find("Thêm nhiệm vụ"), std::string::npos);
  auto c = server_->database().acquire();
  for (const auto* action : {"plan.update", "plan_task.update", "plan_task.remove", "plan_task.add"})
    EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM audit_log WHERE action = ?", {std::string(action)}), 1) << action;
}

TEST_P(PlansHttpTest, TheJsonApiListsPlansTasksAndTheirProgress) {
  auto imported = upload(province_->admin, kPlanFile);
  ASSERT_EQ(imported.status, 303);
  const auto plan_url = imported.header("location")->substr(0, imported.header("location")->find('?'));
  const auto plan_id = plan_url.substr(plan_url.rfind('/') + 1);
  auto reporter = province_->logged_in("xa1@x.vn");
  const auto own_task = task_url(reporter.get(plan_url).body, 2);
  const auto task_id = own_task.substr(own_task.rfind('/') + 1);
  ASSERT_EQ(report(reporter, own_task, "done", "Đã số hóa 300 đầu sách", "https://xamot.example.gov.vn/tu-sach").status, 303);

  auto list = nlohmann::json::parse(reporter.get("/api/v1/plans").body);
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["code"], "12/KH-UBND");
  EXPECT_EQ(list["items"][0]["tasks"], 3);
  EXPECT_EQ(list["items"][0]["done"], 1);
  EXPECT_EQ(list["items"][0]["overdue"], 1);
  auto plan = nlohmann::json::parse(reporter.get("/api/v1/plans/" + plan_id).body);
  ASSERT_EQ(plan["tasks"].size(), 3u);
  EXPECT_EQ(plan["tasks"][0]["lead_unit"], "01-STP");
  EXPECT_EQ(plan["tasks"][0]["overdue"], true);
  EXPECT_EQ(plan["tasks"][1]["status"], "done");
  auto overdue = nlohmann::json::parse(reporter.get("/api/v1/plans/" + plan_id + "?overdue=true").body);
  ASSERT_EQ(overdue["tasks"].size(), 1u);
  auto task = nlohmann::json::parse(reporter.get("/api/v1/plans/" + plan_id + "/tasks/" + task_id).body);
  ASSERT_EQ(task["progress"].size(), 1u);
  EXPECT_EQ(task["progress"][0]["evidence_url"], "https://xamot.example.gov.vn/tu-sach");
  EXPECT_EQ(task["plan"]["code"], "12/KH-UBND");

  EXPECT_EQ(reporter.get("/api/v1/plans/" + plan_id + "?overdue=co").status, 400);
  EXPECT_EQ(reporter.get("/api/v1/plans/999999").status, 404);
  EXPECT_EQ(reporter.get("/api/v1/plans/999999/tasks/" + task_id).status, 404);
  EXPECT_EQ(server_->client().get("/api/v1/plans").status, 401);
}

TEST_P(PlansHttpTest, EvidenceFilesAreStrippedKeptWithTheReportAndServedToThoseWhoFollowPlans) {
  auto imported = upload(province_->admin, kPlanFile);
  ASSERT_EQ(imported.status, 303);
  const auto plan_url = imported.header("location")->substr(0, imported.header("location")->find('?'));
  auto reporter = province_->logged_in("xa1@x.vn");
  const auto own_task = task_url(reporter.get(plan_url).body, 2);
  auto report_with_file = [&](HttpClient& c, const std::string& name, const std::string& data) {
    return c.post_multipart(own_task, {{"_csrf", c.csrf()}, {"status", "done"}, {"note", "Biên bản nghiệm thu tủ sách"}}, "files", name, data);
  };
  const auto dir = std::filesystem::path(server_->config().uploads_dir()) / "plans";
  auto files_on_disk = [&] {
    std::error_code ec;
    return std::distance(std::filesystem::directory_iterator(dir, ec), std::filesystem::directory_iterator());
  };

  // A page that claims to be a PDF is refused with the reason, nothing is kept, the task is not done.
  auto refused = report_with_file(reporter, "bien-ban.pdf", "<html><script>alert(1)</script></html>");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Tệp «bien-ban.pdf» có đuôi .pdf nhưng nội dung là trang web (HTML)"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("Biên bản nghiệm thu tủ sách"), std::string::npos);  // what was typed comes back
  EXPECT_EQ(files_on_disk(), 0);

  // A scanned report is evidence enough to close the task; its author and title are gone from the copy kept.
  auto accepted = report_with_file(reporter, "Biên bản nghiệm thu.pdf", attachment_fixtures::office_pdf());
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  auto task = reporter.get(own_task);
  EXPECT_NE(task.body.find("Đã hoàn thành"), std::string::npos);
  auto link_at = task.body.find("/tep/");
  ASSERT_NE(link_at, std::string::npos);
  const auto file_url = task.body.substr(task.body.rfind('"', link_at) + 1, task.body.find('"', link_at) - task.body.rfind('"', link_at) - 1);
  EXPECT_NE(task.body.find(">Biên bản nghiệm thu.pdf</a>"), std::string::npos);
  EXPECT_EQ(files_on_disk(), 1);

  auto other_commune = province_->logged_in("xa2@x.vn");  // follows the plans: reads every task's evidence
  auto download = other_commune.get(file_url);
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.header("content-type"), "application/pdf");
  EXPECT_EQ(download.header("x-content-type-options"), "nosniff");
  EXPECT_NE(download.header("content-disposition")->find("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n"), std::string::npos);
  EXPECT_TRUE(download.body.starts_with("%PDF-"));
  EXPECT_EQ(download.body.find(attachment_fixtures::kTitleHex), std::string::npos);
  EXPECT_EQ(download.body.find("xmpmeta"), std::string::npos);
  auto audit = server_->database().acquire()->query_one("SELECT detail FROM audit_log WHERE action = 'plan_task.progress'");
  ASSERT_TRUE(audit);
  EXPECT_TRUE(audit->text(0).starts_with("done; Biên bản nghiệm thu.pdf (đã xoá ")) << audit->text(0);

  // Someone outside the plans, or a file of another task, or no such file: nothing.
  auto anonymous = server_->client();
  EXPECT_NE(anonymous.get(file_url).status, 200);
  const auto justice_task = task_url(reporter.get(plan_url).body, 1);
  EXPECT_EQ(reporter.get(justice_task + file_url.substr(file_url.find("/tep/"))).status, 404);
  EXPECT_EQ(reporter.get(own_task + "/tep/999999").status, 404);

  // A file no report references (a crash between the file and its report) goes once it is a day old.
  std::ofstream(dir / "crashed.pdf") << "%PDF-1.4";
  std::filesystem::last_write_time(dir / "crashed.pdf", std::filesystem::file_time_type::clock::now() - std::chrono::hours(25));
  plans::PlanService service(server_->database(), "", dir.string());  // the duty the module runs hourly
  EXPECT_EQ(service.remove_orphan_files(core::now_unix()), 1);
  EXPECT_EQ(files_on_disk(), 1);
  EXPECT_EQ(other_commune.get(file_url).status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlansHttpTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
