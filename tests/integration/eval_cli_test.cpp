// `phobien eval retrieval` and `phobien eval answer` on a corpus folder and a question file in the
// natural-question format: gold articles named by title, clauses, figures per style; `phobien
// train ranking` and the weights it writes, measured with `eval --weights`; `phobien eval outside`
// on questions without gold; `phobien eval accents`.
#include "support/process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

using namespace testing_support;

// Two laws in two files of one folder, and three questions: two in everyday words about the first
// law (one names the clause that answers), one by keywords about the second.
struct EvalFiles {
  std::string dir = make_temp_dir();
  std::string corpus = dir + "/luat";
  std::string questions = dir + "/cau-hoi.json";
  EvalFiles() {
    std::filesystem::create_directories(corpus);
    std::ofstream(corpus + "/lao-dong.json") << R"([{"id": "Bộ luật Lao động", "articles": [
      {"id": "35", "text": "Quyền đơn phương chấm dứt hợp đồng lao động của người lao động\n\n1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động như sau:\na) Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;\nb) Ít nhất 30 ngày nếu làm việc theo hợp đồng lao động xác định thời hạn có thời hạn từ 12 tháng đến 36 tháng.\n2. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động không cần báo trước trong trường hợp không được trả đủ lương."},
      {"id": "113", "text": "Nghỉ hằng năm\n\n1. Người lao động làm việc đủ 12 tháng cho một người sử dụng lao động thì được nghỉ hằng năm, hưởng nguyên lương theo hợp đồng lao động 12 ngày làm việc."}]}])";
    std::ofstream(corpus + "/cu-tru.json") << R"([{"id": "Luật Cư trú", "articles": [
      {"id": "20", "text": "Điều kiện đăng ký thường trú\n\n1. Công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình thì được đăng ký thường trú tại chỗ ở hợp pháp đó."}]}])";
    std::ofstream(questions) << R"([
      {"question_id": "n1", "text": "Em muốn nghỉ việc thì phải báo trước cho công ty bao nhiêu ngày ạ?", "style": "colloquial",
       "relevant_articles": [{"law_id": "Bộ luật Lao động", "article_id": "35", "clause": "1"}]},
      {"question_id": "n2", "text": "Làm đủ một năm được nghỉ phép mấy ngày", "style": "colloquial",
       "relevant_articles": [{"law_id": "Bộ luật Lao động", "article_id": "113", "clause": ""}]},
      {"question_id": "n3", "text": "điều kiện đăng ký thường trú", "style": "keyword",
       "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "20"}]}])";
  }
  ~EvalFiles() { std::filesystem::remove_all(dir); }
};

TEST(EvalCli, RetrievalReadsAFolderAndReportsEachStyle) {
  EvalFiles f;
  auto r = run_phobien({"eval", "retrieval", "--corpus", f.corpus, "--questions", f.questions});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("3 passages"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("# with diacritics"), std::string::npos);
  EXPECT_NE(r.output.find("questions=3 R@1=1.000"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("# style colloquial"), std::string::npos);
  EXPECT_NE(r.output.find("questions=2 R@1="), std::string::npos);
  EXPECT_NE(r.output.find("# style keyword"), std::string::npos);
}

TEST(EvalCli, AnswersAreScoredByArticleAndClause) {
  EvalFiles f;
  auto r = run_phobien({"eval", "answer", "--corpus", f.corpus, "--questions", f.questions});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("[all] questions=3 citation R@1=1.000"), std::string::npos) << r.output;
  // One question names a clause: the first citation quotes khoản 1 of Điều 35, or it does not.
  EXPECT_NE(r.output.find("(of 1; "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("verification_failures=0"), std::string::npos);
  EXPECT_NE(r.output.find("[style colloquial] questions=2"), std::string::npos);
  EXPECT_NE(r.output.find("[style keyword] questions=1"), std::string::npos);
  EXPECT_EQ(r.output.find("quotes another clause"), std::string::npos) << "misses are listed only when asked";

  // Gold khoản 2 (no notice) for a question asking how many days: the answer quotes khoản 1.
  const std::string other_clause = f.dir + "/khoan-khac.json";
  std::ofstream(other_clause) << R"([{"text": "Em muốn nghỉ việc thì phải báo trước cho công ty bao nhiêu ngày ạ?",
      "relevant_articles": [{"law_id": "Bộ luật Lao động", "article_id": "35", "clause": "2"}]}])";
  auto misses = run_phobien({"eval", "answer", "--corpus", f.corpus, "--questions", other_clause, "--misses"});
  ASSERT_EQ(misses.exit_code, 0) << misses.output;
  EXPECT_NE(misses.output.find("- khoản 1 quoted, gold khoản 2: Em muốn nghỉ việc"), std::string::npos) << misses.output;
  EXPECT_NE(misses.output.find("  1. Người lao động có quyền đơn phương"), std::string::npos) << misses.output;
}

TEST(EvalCli, BadInputFailsWithAMessage) {
  EvalFiles f;
  std::ofstream(f.dir + "/khong-co-dap-an.json") << R"([{"text": "Hỏi gì đó"}])";
  auto no_gold = run_phobien({"eval", "retrieval", "--corpus", f.corpus, "--questions", f.dir + "/khong-co-dap-an.json"});
  EXPECT_EQ(no_gold.exit_code, 1);
  EXPECT_NE(no_gold.output.find("không có câu hỏi nào có điều luật đúng"), std::string::npos) << no_gold.output;
  std::ofstream(f.corpus + "/hong.json") << "[{";
  auto broken = run_phobien({"eval", "answer", "--corpus", f.corpus, "--questions", f.questions});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.output.find("hong.json"), std::string::npos) << broken.output;
  EXPECT_NE(run_phobien({"eval", "retrieval", "--corpus", f.dir + "/khong-co", "--questions", f.questions}).exit_code, 0);
}

TEST(EvalCli, OutsideCountsQuestionsOnDocumentsTheLibraryLacksWithoutGold) {
  EvalFiles f;
  const std::string real = f.dir + "/thuc-te.json";
  std::ofstream(real) << R"([{"qid": 1, "question": "Công ty hợp danh phải có ít nhất bao nhiêu thành viên hợp danh?"},
      {"qid": 2, "question": "Theo Luật Hộ tịch, đăng ký khai sinh trong bao lâu?"},
      {"qid": 3, "question": "Làm đủ một năm được nghỉ phép mấy ngày"},
      {"qid": 4, "question": "Thành lập công ty cần bao nhiêu vốn?"}, {"qid": 5}])";
  auto r = run_phobien({"eval", "outside", "--corpus", f.corpus, "--questions", real, "--list"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("questions=4 names_missing=0.250 outside_library=0.500"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2\tLuật Doanh nghiệp\n1\tLuật Hộ tịch\n"), std::string::npos) << "most asked first: " << r.output;
  EXPECT_NE(r.output.find("- Công ty hợp danh phải có ít nhất bao nhiêu thành viên hợp danh?\n  not held: «Luật Doanh nghiệp» for «công ty hợp danh»"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("- Làm đủ một năm"), std::string::npos) << "a question on the library's own law is not listed";

  std::ofstream(real) << R"({"question": "không phải mảng"})";
  auto bad = run_phobien({"eval", "outside", "--corpus", f.corpus, "--questions", real});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.output.find("cần một mảng câu hỏi"), std::string::npos) << bad.output;
}

TEST(EvalCli, AccentsRestoresQuestionsTypedWithoutDiacritics) {
  EvalFiles f;
  const std::string typed = f.dir + "/co-dau.json";
  std::ofstream(typed) << R"([{"text": "điều kiện đăng ký thường trú"}, {"text": "người lao động được nghỉ hằng năm"},
      {"text": "dieu kien dang ky thuong tru"}])";
  auto r = run_phobien({"eval", "accents", "--corpus", f.corpus, "--questions", typed, "--list"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("questions=2 words=1.000 words_with_diacritics=1.000 whole_questions=1.000"), std::string::npos)
      << "the question typed without diacritics has nothing to compare with: " << r.output;

  auto all = run_phobien({"eval", "accents", "--corpus", f.corpus, "--questions", f.questions, "--list"});
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_NE(all.output.find("questions=3 words="), std::string::npos) << all.output;

  std::ofstream(typed) << R"([{"text": "dieu kien dang ky thuong tru"}])";
  auto plain = run_phobien({"eval", "accents", "--corpus", f.corpus, "--questions", typed});
  EXPECT_EQ(plain.exit_code, 1);
  EXPECT_NE(plain.output.find("không có câu hỏi nào có dấu"), std::string::npos) << plain.output;
}

TEST(EvalCli, TrainingWritesWeightsThatEvalSearchesWith) {
  EvalFiles f;
  const std::string weights = f.dir + "/trong-so.tsv";
  auto trained = run_phobien({"train", "ranking", "--corpus", f.corpus, "--questions", f.questions, "--questions",
                              f.questions + "@" + f.corpus + "/lao-dong.json", "--folds", "2", "--out", weights});
  ASSERT_EQ(trained.exit_code, 0) << trained.output;
  EXPECT_NE(trained.output.find("cau-hoi: questions=3 gold_in_head="), std::string::npos) << trained.output;
  EXPECT_NE(trained.output.find("cau-hoi (corpus lao-dong.json): questions=3"), std::string::npos) << trained.output;
  EXPECT_NE(trained.output.find("held-out R@1="), std::string::npos);
  ASSERT_TRUE(std::filesystem::exists(weights));
  auto measured = run_phobien({"eval", "retrieval", "--corpus", f.corpus, "--questions", f.questions, "--weights", weights});
  ASSERT_EQ(measured.exit_code, 0) << measured.output;
  EXPECT_NE(measured.output.find("learned ranking"), std::string::npos) << measured.output;
  EXPECT_NE(measured.output.find("questions=3 R@1="), std::string::npos);

  std::ofstream(weights) << "bm25\tnhiều\n";
  auto bad = run_phobien({"eval", "retrieval", "--corpus", f.corpus, "--questions", f.questions, "--weights", weights});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("the weight is not a number"), std::string::npos) << bad.output;
  auto no_corpus = run_phobien({"train", "ranking", "--corpus", f.corpus, "--questions", f.questions + "@" + f.dir + "/khong-co"});
  EXPECT_EQ(no_corpus.exit_code, 1);
  EXPECT_NE(no_corpus.output.find("không có tệp"), std::string::npos) << no_corpus.output;
}

}  // namespace
