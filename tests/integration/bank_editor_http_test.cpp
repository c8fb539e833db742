// Bank questions written and reviewed in the back office, over HTTP on both databases: a writer
// drafts and submits, a reviewer returns with a note or publishes, bad input comes back as the
// form with Vietnamese errors and what was typed, a stale form and a question already drawn into
// a contest attempt cannot be edited.
#include "core/spreadsheet.h"
#include "core/time.h"
#include "core/xlsx_reader.h"
#include "learning/contests.h"
#include "support/fixtures.h"
#include "support/learning_fixtures.h"
#include "units/unit_registry.h"

#include <gtest/gtest.h>

#include <regex>

namespace {

using namespace testing_support;
using Fields = std::vector<std::pair<std::string, std::string>>;

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

class BankEditorHttpTest : public LearningHttpTest {
 protected:
  void SetUp() override {
    LearningHttpTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    server_->add_user("bientap@tinh.gov.vn", auth::Role::editor);
    server_->add_user("duyet@tinh.gov.vn", auth::Role::reviewer);
  }

  static Fields question_form(HttpClient& c, const std::string& text, const std::string& action) {
    return {{"_csrf", c.csrf()},      {"kind", "single"},
            {"text", text},           {"choice_A", "Nơi làm việc"},
            {"choice_B", "Nơi được sử dụng để sinh sống"}, {"correct_B", "1"},
            {"choice_C", "Nơi tạm trú"}, {"explanation", "Theo khoản 1 Điều 2 Luật Cư trú."},
            {"citations", "Điều 2 Luật Cư trú"}, {"law", "Luật Cư trú"},
            {"difficulty", "2"},      {"tags", "cư trú, tuần 1"},
            {"action", action}};
  }
};

TEST_P(BankEditorHttpTest, AWriterDraftsAndAReviewerReturnsThenPublishes) {
  auto editor = logged_in("bientap@tinh.gov.vn");
  auto reviewer = logged_in("duyet@tinh.gov.vn");
  EXPECT_EQ(editor.get("/quan-tri/cau-hoi/moi").status, 200);
  EXPECT_EQ(server_->client().get("/quan-tri/cau-hoi").status, 303) << "anonymous visitors go to the login page";

  // Bad input: the form comes back with each problem and what was typed.
  Fields bad = {{"_csrf", editor.csrf()}, {"kind", "single"}, {"text", "Chỗ ở hợp pháp là gì?"}, {"choice_A", "Chỉ một lựa chọn"},
                {"citations", "Điều 99 Luật Cư trú"}, {"difficulty", "7"}, {"field", "khong-co"}};
  auto refused = editor.post_form("/quan-tri/cau-hoi", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused.body, "Câu hỏi trắc nghiệm cần từ 2 đến 8 lựa chọn")) << refused.body;
  EXPECT_TRUE(has(refused.body, "Độ khó là 1 (dễ)"));
  EXPECT_TRUE(has(refused.body, "Lĩnh vực này không có"));
  EXPECT_TRUE(has(refused.body, "err-citations"));
  EXPECT_TRUE(has(refused.body, "Chỉ một lựa chọn")) << "what was typed is kept";
  auto huge = editor.post_form("/quan-tri/cau-hoi", {{"_csrf", editor.csrf()}, {"text", std::string(70 * 1024, 'a')}});
  EXPECT_EQ(huge.status, 413);

  auto saved = editor.post_form("/quan-tri/cau-hoi", question_form(editor, "Chỗ ở hợp pháp là gì?", "submit"));
  ASSERT_EQ(saved.status, 303) << saved.body;
  std::smatch m;
  const std::string location = *saved.header("location");
  ASSERT_TRUE(std::regex_match(location, m, std::regex("/quan-tri/cau-hoi/([0-9]+)\\?da-luu=1"))) << location;
  const std::string url = "/quan-tri/cau-hoi/" + m[1].str();
  auto page = editor.get(url);
  EXPECT_TRUE(has(page.body, "Chờ duyệt")) << page.body;
  EXPECT_TRUE(has(page.body, "Nơi được sử dụng để sinh sống\" maxlength=\"500\">")) << "the choices refill the form";
  EXPECT_TRUE(has(page.body, "Điều 2 Luật Cư trú"));

  EXPECT_EQ(editor.post_form(url + "/duyet", {{"_csrf", editor.csrf()}}).status, 403) << "writers do not publish";
  auto no_reason = reviewer.post_form(url + "/tra-lai", {{"_csrf", reviewer.csrf()}, {"comment", "  "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(has(no_reason.body, "Vui lòng ghi lý do trả lại"));
  ASSERT_EQ(reviewer.post_form(url + "/tra-lai", {{"_csrf", reviewer.csrf()}, {"comment", "Thêm lựa chọn D."}}).status, 303);
  page = editor.get(url);
  EXPECT_TRUE(has(page.body, "Trả lại") && has(page.body, "Thêm lựa chọn D.")) << page.body;

  // A stale form is refused; the current one is saved and goes back to review.
  auto stale = question_form(editor, "Chỗ ở hợp pháp là gì? (sửa)", "submit");
  stale.emplace_back("loaded_at", "1");
  EXPECT_EQ(editor.post_form(url, stale).status, 409);
  std::smatch loaded;
  ASSERT_TRUE(std::regex_search(page.body, loaded, std::regex("name=\"loaded_at\" value=\"([0-9]+)\"")));
  auto fresh = question_form(editor, "Chỗ ở hợp pháp là gì? (sửa)", "submit");
  fresh.emplace_back("choice_D", "Nơi ở nhờ");
  fresh.emplace_back("loaded_at", loaded[1].str());
  ASSERT_EQ(editor.post_form(url, fresh).status, 303);
  ASSERT_EQ(reviewer.post_form(url + "/duyet", {{"_csrf", reviewer.csrf()}}).status, 303);
  EXPECT_EQ(reviewer.post_form(url + "/duyet", {{"_csrf", reviewer.csrf()}}).status, 409) << "published once";

  auto published = editor.get("/quan-tri/cau-hoi?trang-thai=published&q=" + std::string("(s%E1%BB%ADa)"));
  ASSERT_EQ(published.status, 200);
  EXPECT_TRUE(has(published.body, "Chỗ ở hợp pháp là gì? (sửa)")) << published.body;
  EXPECT_FALSE(has(editor.get("/quan-tri/cau-hoi?trang-thai=draft").body, "Chỗ ở hợp pháp"));
  EXPECT_EQ(editor.get("/quan-tri/cau-hoi?trang-thai=xoa").status, 400);
  EXPECT_EQ(editor.get("/quan-tri/cau-hoi?trang=0").status, 400);
  EXPECT_EQ(editor.get("/quan-tri/cau-hoi/abc").status, 404);
}

TEST_P(BankEditorHttpTest, AQuestionDrawnIntoAnAttemptCannotBeEdited) {
  auto editor = logged_in("bientap@tinh.gov.vn");
  auto reviewer = logged_in("duyet@tinh.gov.vn");
  auto saved = editor.post_form("/quan-tri/cau-hoi", question_form(editor, "Chỗ ở hợp pháp là gì?", "submit"));
  ASSERT_EQ(saved.status, 303);
  const std::string url = saved.header("location")->substr(0, saved.header("location")->find('?'));
  ASSERT_EQ(reviewer.post_form(url + "/duyet", {{"_csrf", reviewer.csrf()}}).status, 303);

  units::UnitRegistry units(server_->database());
  ASSERT_TRUE(units.import(units::parse_vn_units(R"([{"Code": "01", "FullName": "Thành phố Hà Nội", "Wards": []}])"),
                           {std::nullopt, "test"}).problems.empty());
  auto contest = open_contest("Tìm hiểu Luật Cư trú", {"cư trú", "", "", 0, 1});
  ASSERT_NE(contest.id, 0);
  learning::ContestService contests(server_->database(), units, "khóa");
  const auto now = core::now_unix();
  auto receipt = contests.register_participant(contest.id, {"Nguyễn Văn A", "1990", "01", "0912345678", ""}, now);
  ASSERT_TRUE(receipt) << receipt.error().message;
  ASSERT_TRUE(contests.start_attempt(receipt->participant, now * 1000));

  auto page = editor.get(url);
  EXPECT_TRUE(has(page.body, "đã được dùng trong bài thi")) << page.body;
  EXPECT_FALSE(has(page.body, "name=\"choice_A\"")) << "no form for a question that is part of a score";
  auto edited = editor.post_form(url, question_form(editor, "Sửa sau khi đã thi", "save"));
  EXPECT_EQ(edited.status, 409);
  EXPECT_TRUE(has(edited.body, "không sửa được"));
  EXPECT_EQ(reviewer.post_form(url + "/tra-lai", {{"_csrf", reviewer.csrf()}, {"comment", "Đáp án cần xem lại."}}).status, 303)
      << "a reviewer still takes it out of the draw";
}

TEST_P(BankEditorHttpTest, OfficialsImportASpreadsheetAllOrNothing) {
  auto editor = logged_in("bientap@tinh.gov.vn");
  editor.get("/quan-tri/cau-hoi/nhap");
  auto blank = editor.get("/quan-tri/cau-hoi/mau.xlsx");
  ASSERT_EQ(blank.status, 200);
  auto sheets = core::read_xlsx(blank.body);
  ASSERT_TRUE(sheets) << "the template reads back";
  ASSERT_EQ(sheets->size(), 3u);
  EXPECT_EQ((*sheets)[0].name, "Câu hỏi");
  EXPECT_TRUE((*sheets)[0].rows.empty()) << "no example row to import by mistake";
  EXPECT_FALSE((*sheets)[2].rows.empty()) << "the legal fields one may use";

  // The template filled in, as an official saves it.
  core::Table filled = (*sheets)[0];
  auto row = [&](std::vector<std::pair<std::string, std::string>> cells) {
    std::vector<core::Cell> r(filled.headers.size());
    for (const auto& [column, value] : cells)
      for (std::size_t i = 0; i < filled.headers.size(); ++i)
        if (filled.headers[i] == column) r[i] = value;
    filled.rows.push_back(r);
  };
  row({{"Mã câu hỏi", "T1-01"}, {"Loại câu hỏi", "Một đáp án"}, {"Nội dung câu hỏi", "Chỗ ở hợp pháp là gì?"},
       {"Lựa chọn A", "Nơi làm việc"}, {"Lựa chọn B", "Nơi được sử dụng để sinh sống"}, {"Đáp án", "B"}, {"Văn bản", "Luật Cư trú"}, {"Điều", "2"}});
  row({{"Mã câu hỏi", "T1-02"}, {"Loại câu hỏi", "Đúng/Sai"}, {"Nội dung câu hỏi", "Nơi tạm trú luôn là chỗ ở hợp pháp."}, {"Đáp án", "Sai"},
       {"Độ khó", "Khó"}});
  auto upload = [&](const std::string& name, const std::string& data) {
    return editor.post_multipart("/quan-tri/cau-hoi/nhap", {{"_csrf", editor.csrf()}, {"publish", "1"}}, "file", name, data);
  };
  auto imported = upload("tuan-1.xlsx", core::to_xlsx({filled}));
  ASSERT_EQ(imported.status, 303) << imported.body;
  auto done = editor.get(*imported.header("location"));
  EXPECT_TRUE(has(done.body, "Đã nhập 2 câu hỏi mới")) << done.body;
  EXPECT_TRUE(has(editor.get("/quan-tri/cau-hoi?trang-thai=pending").body, "Nơi tạm trú luôn là chỗ ở hợp pháp."))
      << "a writer's import waits for review, whatever the form says";
  auto again = upload("tuan-1.xlsx", core::to_xlsx({filled}));
  EXPECT_TRUE(has(*again.header("location"), "da-nhap=0&da-co=2"));

  // One bad line: nothing of the file is stored, and the line is named.
  auto csv = "Loại câu hỏi,Nội dung câu hỏi,Lựa chọn A,Lựa chọn B,Đáp án,Văn bản,Điều\r\n"
             "Đúng/Sai,Câu hỏi mới hoàn toàn,,,Đúng,,\r\n"
             "Một đáp án,Câu hỏi dẫn điều không có,Một,Hai,A,Luật Cư trú,99\r\n";
  auto refused = upload("tuan-2.csv", csv);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused.body, "dòng 3, trường Điều: Điều 99")) << refused.body;
  EXPECT_FALSE(has(editor.get("/quan-tri/cau-hoi").body, "Câu hỏi mới hoàn toàn")) << "all or nothing";
  EXPECT_TRUE(has(upload("hong.xlsx", "PK\x03\x04 không phải bảng tính").body, "bị hỏng"));
  EXPECT_EQ(editor.post_multipart("/quan-tri/cau-hoi/nhap", {{"_csrf", editor.csrf()}}, "file", "", "").status, 422);
}

INSTANTIATE_TEST_SUITE_P(Backends, BankEditorHttpTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
