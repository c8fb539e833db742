// Importing a Q&A archive on both databases: answers cite only articles that exist, re-imports add
// only new items, and the ALQAC 2022 questions import against their own corpus.
#include "consult/archive_import.h"
#include "consult/question_repository.h"
#include "core/utf8.h"
#include "library/library_service.h"
#include "support/fixtures.h"
#include "support/process.h"
#include "support/shared_data.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

using namespace testing_support;

const char* kLaws = R"([
  {"id": "91/2015/QH13", "articles": [
    {"id": "8", "text": "Căn cứ xác lập quyền dân sự\n\nQuyền dân sự được xác lập từ các căn cứ sau đây:\n1. Hợp đồng.\n2. Hành vi pháp lý đơn phương."},
    {"id": "9", "text": "Thực hiện quyền dân sự\n\n1. Cá nhân, pháp nhân thực hiện quyền dân sự theo ý chí của mình.\n2. Việc không thực hiện quyền dân sự không phải là căn cứ làm chấm dứt quyền."}]},
  {"id": "Luật Cư trú", "articles": [
    {"id": "2", "text": "Giải thích từ ngữ\n\nTrong Luật này, các từ ngữ dưới đây được hiểu như sau:\n1. Chỗ ở hợp pháp là nơi được sử dụng để sinh sống."}]}
])";

const char* kArchive = R"([
  {"id": "a1", "question": "Quyền dân sự được xác lập từ những căn cứ nào? Tôi cần biết để ký hợp đồng.",
   "answer": "Theo **Điều 8** Bộ luật Dân sự: hợp đồng và hành vi pháp lý đơn phương.",
   "relevant_articles": [{"law_id": "91/2015/QH13", "article_id": "8"}, {"law_id": "91/2015/QH13", "article_id": "8"}], "field": "dan-su"},
  {"id": 2, "text": "Chỗ ở hợp pháp được hiểu là gì theo Luật Cư trú", "answer": "Là nơi được sử dụng để sinh sống.",
   "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": 2}], "field": "khong-co-linh-vuc-nay", "title": "Chỗ ở hợp pháp là gì?"},
  {"id": "a3", "question": "Điều 999 của Bộ luật Dân sự quy định gì?", "answer": "Không rõ.",
   "relevant_articles": [{"law_id": "91/2015/QH13", "article_id": "999"}]},
  {"id": "a4", "question": "Luật 99/2099/QH99 quy định gì?", "answer": "Không rõ.",
   "relevant_articles": [{"law_id": "99/2099/QH99", "article_id": "1"}]},
  {"id": "a5", "question": "  ", "answer": "x"},
  {"id": "a6", "question": "Câu hỏi không có câu trả lời?"},
  "không phải đối tượng",
  {"id": "a1", "question": "Cùng mã với mục đầu.", "answer": "y", "relevant_articles": []},
  {"question": "Ông Nguyễn Văn An, số điện thoại 0912 345 678, hỏi: việc không thực hiện quyền dân sự có làm chấm dứt quyền không?",
   "answer": "Không.", "relevant_articles": [{"law_id": "91-2015-qh13", "article_id": "9"}]}
])";

class ArchiveImportTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    import_laws(kLaws);
    changes_.add_listener([this](const std::string& topic) { topics_.push_back(topic); });
  }
  void import_laws(const std::string& json) {
    db::ChangeFeed feed;
    library::LibraryService library(database(), feed);
    auto report = library.import_file(json, "laws.json", {std::nullopt, "test"});
    ASSERT_TRUE(report.ok()) << report.error->message;
  }
  consult::ArchiveImportReport import(const std::string& json, bool publish = true, std::size_t batch = 200) {
    consult::ArchiveImportOptions options;
    options.archive = "thu-nghiem";
    options.publish = publish;
    options.batch_size = batch;
    auto report = consult::import_qa_archive(database(), changes_, json, options, 1'780'000'000);
    EXPECT_TRUE(report) << (report ? "" : report.error().message);
    return report ? *report : consult::ArchiveImportReport{};
  }
  std::int64_t count(const std::string& sql) { return database().acquire()->query_int(sql); }
  std::optional<consult::Question> by_ref(const std::string& ref) {
    auto c = database().acquire();
    auto id = c->query_one("SELECT id FROM questions WHERE import_ref = ?", {ref});
    if (!id) return std::nullopt;
    return consult::QuestionRepository(*c).find(id->int64(0));
  }
  // Citations whose article is not in the library: there must never be any.
  std::int64_t dangling() {
    return count(
        "SELECT COUNT(*) FROM question_citations c WHERE NOT EXISTS (SELECT 1 FROM legal_nodes n "
        "WHERE n.document_id = c.document_id AND n.kind = 'dieu' AND n.number = c.article)");
  }

  db::ChangeFeed changes_;
  std::vector<std::string> topics_;
};

TEST_P(ArchiveImportTest, ImportsAnsweredQuestionsCitingLibraryArticles) {
  auto r = import(kArchive, true, 2);
  EXPECT_EQ(r.items, 9u);
  EXPECT_EQ(r.imported, 3u);
  EXPECT_EQ(r.published, 2u);
  EXPECT_EQ(r.held, 1u) << "the question naming a person and a phone number waits for a moderator";
  EXPECT_EQ(r.already, 1u) << "the second a1";
  EXPECT_EQ(r.unresolved, 2u);
  EXPECT_EQ(r.invalid, 3u);
  EXPECT_EQ(r.unknown_articles, (std::vector<std::string>{"Điều 999 · 91/2015/QH13", "Điều 1 · 99/2099/QH99"}));
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0], "mục [4] (a5): thiếu câu hỏi (\"question\" hoặc \"text\")");
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 3);
  EXPECT_EQ(dangling(), 0);

  auto a1 = by_ref("thu-nghiem#a1");
  ASSERT_TRUE(a1);
  EXPECT_EQ(a1->status, consult::Status::published);
  EXPECT_EQ(a1->source, "import");
  EXPECT_EQ(a1->title, "Quyền dân sự được xác lập từ những căn cứ nào?") << "the first sentence";
  EXPECT_EQ(a1->public_title, a1->title);
  EXPECT_EQ(a1->public_body, "Quyền dân sự được xác lập từ những căn cứ nào? Tôi cần biết để ký hợp đồng.");
  EXPECT_EQ(a1->answer, "Theo **Điều 8** Bộ luật Dân sự: hợp đồng và hành vi pháp lý đơn phương.");
  EXPECT_EQ(a1->public_slug, "quyen-dan-su-duoc-xac-lap-tu-nhung-can-cu-nao-" + std::to_string(a1->id));
  EXPECT_EQ(a1->field_slug, "dan-su");
  EXPECT_TRUE(a1->publish_consent);
  EXPECT_EQ(a1->published_at, 1'780'000'000);
  EXPECT_EQ(a1->delivered_at, 1'780'000'000);
  EXPECT_EQ(a1->email, "");
  auto c = database().acquire();
  consult::QuestionRepository repo(*c);
  auto cited = repo.citations(a1->id, "answer");
  ASSERT_EQ(cited.size(), 1u) << "the same article twice is cited once";
  EXPECT_EQ(cited[0].article, "8");
  EXPECT_EQ(cited[0].document_number, "91/2015/QH13");
  EXPECT_TRUE(repo.find_published(*a1->public_slug));
  auto events = repo.events(a1->id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "import");
  EXPECT_EQ(events[0].detail, "thu-nghiem#a1");

  auto second = by_ref("thu-nghiem#2");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->title, "Chỗ ở hợp pháp là gì?") << "the title given";
  EXPECT_FALSE(second->field_slug) << "an unknown field is left empty";
  EXPECT_EQ(repo.citations(second->id, "answer").at(0).document_title, "Luật Cư trú");

  auto held = c->query_one("SELECT id, status, public_slug, public_title FROM questions WHERE import_ref LIKE 'thu-nghiem#sha256:%'");
  ASSERT_TRUE(held);
  EXPECT_EQ(held->text(1), "delivered");
  EXPECT_TRUE(held->is_null(2));
  EXPECT_EQ(held->text(3), "") << "the moderator gets the masked draft";
  EXPECT_EQ(repo.citations(held->int64(0), "answer").at(0).article, "9") << "91-2015-qh13 is 91/2015/QH13";

  EXPECT_EQ(topics_, std::vector<std::string>{"consult:*"}) << "one change-feed entry for the whole import";
  EXPECT_EQ(count("SELECT COUNT(*) FROM change_log WHERE topic = 'consult:*'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'question.import'"), 1);
}

TEST_P(ArchiveImportTest, ImportingAgainAddsOnlyWhatIsNew) {
  import(kArchive);
  topics_.clear();
  auto again = import(kArchive);
  EXPECT_EQ(again.imported, 0u);
  EXPECT_EQ(again.already, 4u);
  EXPECT_EQ(again.unresolved, 2u);
  EXPECT_TRUE(topics_.empty()) << "nothing changed";
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 3);

  // Once the missing law is in the library, its question comes in.
  import_laws(R"([{"id": "99/2099/QH99", "articles": [{"id": "1", "text": "Phạm vi điều chỉnh\n\nLuật này quy định thử nghiệm."}]}])");
  auto later = import(kArchive);
  EXPECT_EQ(later.imported, 1u);
  EXPECT_EQ(later.unresolved, 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 4);
  EXPECT_EQ(dangling(), 0);
}

TEST_P(ArchiveImportTest, WithoutPublishQuestionsWaitForAModerator) {
  auto r = import(kArchive, false);
  EXPECT_EQ(r.imported, 3u);
  EXPECT_EQ(r.published, 0u);
  EXPECT_EQ(r.held, 0u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE status = 'delivered' AND public_slug IS NULL AND published_at IS NULL"), 3);
}

TEST_P(ArchiveImportTest, AFileThatIsNoArchiveStoresNothing) {
  consult::ArchiveImportOptions options;
  options.archive = "x";
  for (const char* bad : {"{\"question\": \"a\"}", "không phải JSON", "[1, 2", ""}) {
    auto r = consult::import_qa_archive(database(), changes_, bad, options, 1);
    ASSERT_FALSE(r) << bad;
    EXPECT_NE(r.error().message.find("mảng JSON"), std::string::npos);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
}

// The research set against its own corpus: every question's article is there.
TEST_P(ArchiveImportTest, Alqac2022QuestionsImportWithoutDanglingCitations) {
  auto data = shared_data_dir();
  if (!data) GTEST_SKIP() << "../shared/data is not present";
  import_laws(read_file(*data / "legal/alqac2022/law.json"));
  auto started = std::chrono::steady_clock::now();
  auto r = import(read_file(*data / "qa/alqac2022-questions.json"));
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_GT(r.imported, 500u);
  EXPECT_EQ(r.unresolved, 0u);
  EXPECT_EQ(r.invalid, 0u);
  EXPECT_EQ(dangling(), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM question_citations"), static_cast<std::int64_t>(r.imported));
  EXPECT_EQ(count("SELECT COUNT(DISTINCT public_slug) FROM questions WHERE status = 'published'"),
            static_cast<std::int64_t>(r.published));
  RecordProperty("imported", static_cast<int>(r.imported));
  RecordProperty("milliseconds", static_cast<int>(seconds * 1000));
  std::cout << "alqac2022: " << r.imported << " imported (" << r.published << " published, " << r.held << " held) in "
            << seconds << " s\n";
}

INSTANTIATE_TEST_SUITE_P(Backends, ArchiveImportTest, ::testing::ValuesIn(backends()), backend_name);

TEST(ArchiveTitle, FirstSentenceCutAtAWord) {
  EXPECT_EQ(consult::archive_title("Tôi hỏi điều này. Và điều kia?"), "Tôi hỏi điều này.");
  EXPECT_EQ(consult::archive_title("Mức phạt là bao nhiêu? Xin cảm ơn."), "Mức phạt là bao nhiêu?");
  EXPECT_EQ(consult::archive_title("Theo khoản 1.2 thì sao"), "Theo khoản 1.2 thì sao") << "a dot inside a number ends nothing";
  std::string long_question;
  for (int i = 0; i < 40; ++i) long_question += "quyền sử ";
  auto title = consult::archive_title(long_question + "dụng đất?");
  EXPECT_LE(core::utf8_length(title), 150u);
  EXPECT_TRUE(title.ends_with("sử…")) << title;
}

TEST(ArchiveImportCli, ImportQaReportsWhatItDid) {
  auto dir = make_temp_dir();
  auto laws = std::filesystem::path(dir) / "laws.json";
  auto archive = std::filesystem::path(dir) / "hoi-dap.json";
  std::ofstream(laws) << kLaws;
  std::ofstream(archive) << kArchive;
  ASSERT_EQ(run_phobien({"import", "--data", dir, laws.string()}).exit_code, 0);
  auto r = run_phobien({"import-qa", "--data", dir, archive.string(), "--publish"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("9 mục, đã nhập 3 (công bố 2, chờ kiểm duyệt vì có thông tin cá nhân 1)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("imported 3 (published 2, held for review 1), already imported 1, skipped for articles not in the library 2, invalid 3"),
            std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Điều 999 · 91/2015/QH13; Điều 1 · 99/2099/QH99"), std::string::npos) << r.output;
  auto again = run_phobien({"import-qa", "--data", dir, archive.string()});
  EXPECT_NE(again.output.find("đã nhập 0"), std::string::npos) << again.output;
  auto broken = std::filesystem::path(dir) / "hong.json";
  std::ofstream(broken) << "{";
  EXPECT_EQ(run_phobien({"import-qa", "--data", dir, broken.string()}).exit_code, 1);
}

}  // namespace
