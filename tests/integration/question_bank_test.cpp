// Importing question banks on both databases: all or nothing, articles resolved in the library,
// importing again adds nothing twice, and the ALQAC dev questions make a real bank.
#include "learning/question_bank.h"
#include "library/library_service.h"
#include "support/fixtures.h"
#include "support/shared_data.h"

namespace {

using namespace testing_support;
using learning::BankStatus;
using learning::QuestionKind;

const char* kLaws = R"([
  {"id": "Luật Cư trú", "articles": [
    {"id": "2", "text": "Giải thích từ ngữ\n\nTrong Luật này, các từ ngữ dưới đây được hiểu như sau:\n1. Chỗ ở hợp pháp là nơi được sử dụng để sinh sống."},
    {"id": "38", "text": "Sử dụng thông tin\n\nThông tin trong Cơ sở dữ liệu về cư trú được sử dụng khi có khác biệt."}]}
])";

const char* kBank = R"([
  {"question_id": "1", "question_type": "Đúng/Sai", "text": "Chỗ ở hợp pháp là nơi được sử dụng để sinh sống, đúng hay sai?",
   "answer": "Đúng", "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "2"}], "field": "cu-tru-ho-tich"},
  {"question_id": "2", "question_type": "Trắc nghiệm", "text": "Khi thông tin khác nhau, dùng thông tin ở đâu?",
   "choices": {"A": "Sổ hộ khẩu", "B": "Cơ sở dữ liệu về cư trú"}, "answer": "B",
   "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "38"}], "explanation": "Điều 38 Luật Cư trú."},
  {"question_id": "3", "question_type": "Tự luận", "text": "Trình bày về cư trú.", "answer": "…"}
])";

class QuestionBankTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    import_laws(kLaws);
    bank_ = std::make_unique<learning::QuestionBank>(database());
  }
  void import_laws(const std::string& json) {
    db::ChangeFeed feed;
    library::LibraryService library(database(), feed);
    auto report = library.import_file(json, "laws.json", {std::nullopt, "test"});
    ASSERT_TRUE(report.ok()) << report.error->message;
  }
  learning::BankImportResult import(const std::string& json, bool publish = false) {
    return bank_->import(learning::parse_alqac_bank(json, "bo-de"), {publish, {std::nullopt, "test"}}, 1'700'000'000);
  }
  std::unique_ptr<learning::QuestionBank> bank_;
};

TEST_P(QuestionBankTest, ImportStoresQuestionsWithChoicesAndArticlesOnce) {
  auto r = import(kBank);
  ASSERT_TRUE(r.problems.empty()) << learning::describe(r.problems[0]);
  EXPECT_EQ(r.imported, 2u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_EQ(bank_->count(BankStatus::pending), 2) << "imported questions wait for review unless published";

  auto c = database().acquire();
  auto id = c->query_int("SELECT id FROM bank_questions WHERE source_ref = 'bo-de#2'");
  auto q = bank_->question(id);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->kind, QuestionKind::single);
  ASSERT_EQ(q->choices.size(), 2u);
  EXPECT_EQ(q->choices[1].label, "B");
  EXPECT_TRUE(q->choices[1].correct);
  EXPECT_FALSE(q->choices[0].correct);
  EXPECT_EQ(q->explanation, "Điều 38 Luật Cư trú.");
  ASSERT_EQ(q->articles.size(), 1u);
  EXPECT_EQ(q->articles[0].article, "38");
  EXPECT_EQ(library::citation_label(q->articles[0]), "Điều 38 Luật Cư trú");

  auto again = import(kBank, true);
  EXPECT_EQ(again.imported, 0u);
  EXPECT_EQ(again.already, 2u);
  EXPECT_EQ(bank_->count(), 2);
}

TEST_P(QuestionBankTest, AFileWithAnyProblemStoresNothing) {
  const std::string bank = R"([
    {"question_id": "ok", "question_type": "Đúng/Sai", "text": "Câu hợp lệ.", "answer": "Sai",
     "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "2"}]},
    {"question_id": "no-article", "question_type": "Đúng/Sai", "text": "Điều luật không có.", "answer": "Đúng",
     "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "999"}]},
    {"question_id": "no-law", "question_type": "Đúng/Sai", "text": "Văn bản không có.", "answer": "Đúng",
     "relevant_articles": [{"law_id": "Luật Không Có", "article_id": "1"}]},
    {"question_id": "no-field", "question_type": "Đúng/Sai", "text": "Lĩnh vực không có.", "answer": "Đúng", "field": "khong-co"},
    {"question_id": "bad", "question_type": "Đúng/Sai", "text": "Đáp án lạ.", "answer": "Có lẽ"}
  ])";
  auto r = import(bank);
  std::vector<std::string> problems;
  for (const auto& p : r.problems) problems.push_back(learning::describe(p));
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "mục 5, trường answer: Đáp án câu Đúng/Sai là «Đúng» hoặc «Sai», không phải «Có lẽ».",
                          "mục 2, trường relevant_articles: Điều 999 của «Luật Cư trú» không có trong tủ sách pháp luật: hãy nhập văn bản đó trước.",
                          "mục 3, trường relevant_articles: Điều 1 của «Luật Không Có» không có trong tủ sách pháp luật: hãy nhập văn bản đó trước.",
                          "mục 4, trường field: Lĩnh vực «khong-co» không có trong danh mục lĩnh vực pháp luật.",
                      }));
  EXPECT_EQ(r.imported, 0u);
  EXPECT_EQ(bank_->count(), 0) << "nothing of a broken file is stored";
}

TEST_P(QuestionBankTest, TheAlqacDevQuestionsMakeARealBank) {
  auto data = shared_data_dir();
  if (!data) GTEST_SKIP() << "../shared/data is not present";
  import_laws(read_file(*data / "legal/alqac-law-corpus.json"));
  auto r = bank_->import(learning::parse_alqac_bank(read_file(*data / "qa/alqac-dev-questions.json"), "alqac-dev-questions"),
                         {true, {std::nullopt, "test"}}, 1'700'000'000);
  ASSERT_TRUE(r.problems.empty()) << learning::describe(r.problems[0]) << " (" << r.problems.size() << " problems)";
  EXPECT_EQ(r.imported, 335u) << "180 true/false and 155 multiple choice";
  EXPECT_EQ(r.skipped, 36u) << "essay questions";
  EXPECT_EQ(bank_->count(BankStatus::published), 335);
  auto c = database().acquire();
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM bank_questions WHERE kind = 'true_false'"), 180);
  EXPECT_EQ(c->query_int("SELECT COUNT(DISTINCT question_id) FROM bank_question_articles"), 335) << "every question rests on an article";
}

INSTANTIATE_TEST_SUITE_P(Backends, QuestionBankTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
