// Courses over HTTP on both databases, as a person without JavaScript: the list by audience,
// enrolment with a unit, a text lesson, an article lesson read from the library, a quiz failed
// then passed, completion with its certificate and the person's record, and the per-unit report
// with its export read back. Bad input gets a 4xx.
#include "core/time.h"
#include "core/xlsx_reader.h"
#include "learning/courses.h"
#include "learning/question_bank.h"
#include "support/fixtures.h"
#include "support/learning_fixtures.h"
#include "units/unit_registry.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

namespace {

using namespace testing_support;

const char* kBank = R"([
  {"question_id": "1", "question_type": "Đúng/Sai", "text": "Chỗ ở hợp pháp là nơi được sử dụng để sinh sống, đúng hay sai?", "answer": "Đúng",
   "explanation": "Khoản 1 Điều 2 Luật Cư trú.", "tags": ["cư trú"], "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "2"}]},
  {"question_id": "2", "question_type": "Trắc nghiệm", "text": "Chỗ ở hợp pháp là gì?", "tags": ["cư trú"],
   "choices": {"A": "Nơi làm việc", "B": "Nơi được sử dụng để sinh sống", "C": "Nơi tạm trú"}, "answer": "B",
   "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "2"}]}])";

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

class CourseHttpTest : public LearningHttpTest {
 protected:
  void SetUp() override {
    LearningHttpTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    learning::QuestionBank bank(server_->database());
    ASSERT_TRUE(bank.import(learning::parse_alqac_bank(kBank, "khoa-hoc"), {true, {std::nullopt, "test"}}, core::now_unix()).problems.empty());
    units::UnitRegistry units(server_->database());
    ASSERT_TRUE(units.import(units::parse_vn_units(R"([{"Code": "01", "FullName": "Thành phố Hà Nội",
      "Wards": [{"Code": "00004", "FullName": "Phường Ba Đình", "ProvinceCode": "01"}]}])"), {std::nullopt, "test"}).problems.empty());
    db::ChangeFeed feed;
    library::LibraryService library(server_->database(), feed);
    learning::CourseService courses(server_->database(), units, library);
    auto course = [&](const std::string& json) {
      auto d = learning::parse_course_definition(json);
      EXPECT_TRUE(d) << d.error().message;
      auto created = courses.create(std::move(*d), {std::nullopt, "test"}, core::now_unix());
      EXPECT_TRUE(created) << created.error().message;
      return created ? *created : learning::Course{};
    };
    public_ = course(R"({"title": "Tìm hiểu Luật Cư trú", "audience": "public", "lessons": [
      {"title": "Giới thiệu", "text": "Luật Cư trú quy định **quyền tự do cư trú** của công dân."},
      {"title": "Chỗ ở hợp pháp", "article": "Điều 2 Luật Cư trú"},
      {"title": "Kiểm tra cuối khóa", "quiz": {"count": 2, "tag": "cư trú", "law": "Luật Cư trú", "pass_percent": 100}}]})");
    staff_ = course(R"({"title": "Sử dụng cổng thông tin PBGDPL", "audience": "staff", "units": ["01"],
      "lessons": [{"title": "Đăng nhập", "text": "Mở trang quản trị."}]})");
    server_->add_user("dan@tinh.gov.vn", auth::Role::citizen);
    server_->add_user("thongke@tinh.gov.vn", auth::Role::reporter);
  }

  // The right (or wrong) answer of each question of the quiz form on `page`.
  static std::vector<std::pair<std::string, std::string>> answers(HttpClient& c, const std::string& page, bool right) {
    std::vector<std::pair<std::string, std::string>> form = {{"_csrf", c.csrf()}};
    std::set<std::string> seen;
    static const std::regex choice("name=\"(q[0-9]+)\" value=\"([^\"]+)\"");
    for (std::sregex_iterator it(page.begin(), page.end(), choice), end; it != end; ++it) {
      const std::string name = (*it)[1], label = (*it)[2];
      if (seen.count(name)) continue;
      const bool true_false = label == "Đúng" || label == "Sai";
      const std::string pick = true_false ? (right ? "Đúng" : "Sai") : (right ? "B" : "A");
      if (label == pick || (!true_false && label == "A")) {
        form.emplace_back(name, pick);
        seen.insert(name);
      }
    }
    return form;
  }

  learning::Course public_, staff_;
};

TEST_P(CourseHttpTest, APersonEnrolsLearnsPassesTheQuizAndGetsACertificate) {
  auto anonymous = server_->client();
  auto list = anonymous.get("/khoa-hoc");
  EXPECT_TRUE(has(list.body, "Tìm hiểu Luật Cư trú"));
  EXPECT_FALSE(has(list.body, "Sử dụng cổng thông tin PBGDPL")) << "staff courses are for staff";
  EXPECT_EQ(anonymous.get("/khoa-hoc/" + public_.slug + "/bai/1").status, 303);

  auto c = logged_in("dan@tinh.gov.vn");
  const std::string url = "/khoa-hoc/" + public_.slug;
  EXPECT_TRUE(has(c.get(url).body, "Đăng ký học"));
  EXPECT_EQ(c.get(url + "/bai/1").status, 303) << "not enrolled yet";
  EXPECT_EQ(c.post_form("/khoa-hoc/" + staff_.slug + "/dang-ky", {{"_csrf", c.csrf()}, {"unit_code", "01"}}).status, 403);
  auto bad_unit = c.post_form(url + "/dang-ky", {{"_csrf", c.csrf()}, {"unit_code", "xx"}});
  EXPECT_EQ(bad_unit.status, 422);
  EXPECT_TRUE(has(bad_unit.body, "Hãy chọn đơn vị của bạn."));
  auto enrolled = c.post_form(url + "/dang-ky", {{"_csrf", c.csrf()}, {"unit_code", "00004"}});
  ASSERT_EQ(enrolled.status, 303);
  EXPECT_EQ(*enrolled.header("location"), url + "/bai/1");

  auto first = c.get(url + "/bai/1");
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(has(first.body, "<strong>quyền tự do cư trú</strong>")) << "Markdown";
  auto next = c.post_form(url + "/bai/1/hoan-thanh", {{"_csrf", c.csrf()}});
  EXPECT_EQ(*next.header("location"), url + "/bai/2");
  auto article = c.get(url + "/bai/2");
  EXPECT_TRUE(has(article.body, "Chỗ ở hợp pháp là nơi được sử dụng để sinh sống")) << "the article from the library";
  c.post_form(url + "/bai/2/hoan-thanh", {{"_csrf", c.csrf()}});
  EXPECT_EQ(c.post_form(url + "/bai/3/hoan-thanh", {{"_csrf", c.csrf()}}).status, 409) << "a quiz is done by passing it";

  auto quiz = c.get(url + "/bai/3");
  EXPECT_TRUE(has(quiz.body, "Bắt đầu làm bài kiểm tra"));
  ASSERT_EQ(c.post_form(url + "/bai/3/bat-dau", {{"_csrf", c.csrf()}}).status, 303);
  quiz = c.get(url + "/bai/3");
  EXPECT_TRUE(has(quiz.body, "Câu 2:"));
  auto failed = c.post_form(url + "/bai/3/nop-bai", answers(c, quiz.body, false));
  ASSERT_EQ(failed.status, 200);
  EXPECT_TRUE(has(failed.body, "Chưa đạt")) << failed.body;
  EXPECT_TRUE(has(failed.body, "Khoản 1 Điều 2 Luật Cư trú.")) << "each answer explained";
  c.post_form(url + "/bai/3/bat-dau", {{"_csrf", c.csrf()}});
  quiz = c.get(url + "/bai/3");
  auto passed = c.post_form(url + "/bai/3/nop-bai", answers(c, quiz.body, true));
  EXPECT_TRUE(has(passed.body, "Kết quả: 2/2 câu đúng (100%)")) << passed.body;
  EXPECT_TRUE(has(passed.body, "Bạn đã hoàn thành khóa học!"));

  auto mine = c.get("/khoa-hoc/cua-toi");
  std::smatch cert;
  ASSERT_TRUE(std::regex_search(mine.body, cert, std::regex("href=\"(/chung-nhan/[0-9A-Z]{10})\""))) << mine.body;
  auto paper = anonymous.get(cert[1].str());
  EXPECT_EQ(paper.status, 200);
  EXPECT_TRUE(has(paper.body, "khóa học «Tìm hiểu Luật Cư trú»") && has(paper.body, "Phường Ba Đình, Thành phố Hà Nội")) << paper.body;
  EXPECT_TRUE(has(paper.body, ">Về trang khóa học</a>"));

  auto reporter = logged_in("thongke@tinh.gov.vn");
  auto report = reporter.get("/quan-tri/khoa-hoc/" + std::to_string(public_.id));
  ASSERT_EQ(report.status, 200);
  EXPECT_TRUE(has(report.body, "<td>01</td><td>Thành phố Hà Nội</td><td>1</td><td>1</td>")) << report.body;
  auto csv = reporter.get("/quan-tri/khoa-hoc/" + std::to_string(public_.id) + "/bao-cao.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(has(csv.body, "\r\n01,Thành phố Hà Nội,1,1\r\n")) << csv.body;
  EXPECT_TRUE(has(csv.body, "Người thử dan,dan@tinh.gov.vn,Phường Ba Đình,")) << "who finished: " << csv.body;
  auto xlsx = core::read_xlsx(reporter.get("/quan-tri/khoa-hoc/" + std::to_string(public_.id) + "/bao-cao.xlsx").body);
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(xlsx->size(), 2u);
  EXPECT_EQ((*xlsx)[0].rows.at(0), (std::vector<core::Cell>{std::string("01"), std::string("Thành phố Hà Nội"), std::int64_t{1}, std::int64_t{1}}));
  EXPECT_EQ((*xlsx)[1].rows.at(0).at(4), core::Cell(std::int64_t{3})) << "three lessons done";
  EXPECT_EQ(c.get("/quan-tri/khoa-hoc").status, 403) << "citizens do not see reports";
  EXPECT_EQ(c.get(url + "/bai/99").status, 404);
  EXPECT_EQ(c.get(url + "/bai/abc").status, 404);
}

TEST_P(CourseHttpTest, StaffCoursesGoToStaffOfTheirUnits) {
  server_->add_user("canbo@tinh.gov.vn", auth::Role::editor);
  auto staff = logged_in("canbo@tinh.gov.vn");
  EXPECT_TRUE(has(staff.get("/khoa-hoc").body, "Sử dụng cổng thông tin PBGDPL"));
  const std::string url = "/khoa-hoc/" + staff_.slug;
  auto page = staff.get(url);
  EXPECT_TRUE(has(page.body, "Thành phố Hà Nội")) << "the units the course is assigned to";
  ASSERT_EQ(staff.post_form(url + "/dang-ky", {{"_csrf", staff.csrf()}, {"unit_code", "00004"}}).status, 303)
      << "a commune of an assigned province";
  auto done = staff.post_form(url + "/bai/1/hoan-thanh", {{"_csrf", staff.csrf()}});
  EXPECT_EQ(*done.header("location"), url + "?hoan-thanh");
  auto list = nlohmann::json::parse(server_->client().get("/api/v1/courses").body);
  ASSERT_EQ(list["items"].size(), 1u) << "programs see the public courses";
}

TEST_P(CourseHttpTest, AQuizDoesNotGiveAwayTheKeyOfAnOpenContest) {
  ASSERT_NE(open_contest("Tìm hiểu Luật Cư trú trên mạng", {"", "", "", 0, 2}).id, 0);

  auto c = logged_in("dan@tinh.gov.vn");
  const std::string url = "/khoa-hoc/" + public_.slug;
  c.post_form(url + "/dang-ky", {{"_csrf", c.csrf()}, {"unit_code", "01"}});
  c.post_form(url + "/bai/3/bat-dau", {{"_csrf", c.csrf()}});
  auto result = c.post_form(url + "/bai/3/nop-bai", answers(c, c.get(url + "/bai/3").body, false));
  ASSERT_EQ(result.status, 200);
  EXPECT_TRUE(has(result.body, "tạm không hiển thị")) << result.body;
  EXPECT_FALSE(has(result.body, "Khoản 1 Điều 2 Luật Cư trú.")) << "no explanation either";
  EXPECT_FALSE(has(result.body, "Đáp án: B")) << result.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, CourseHttpTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
