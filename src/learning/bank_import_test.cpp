// Reading question banks from ALQAC-style JSON, and the rules every bank question follows.
#include "learning/bank_import.h"
#include "learning/question_rules.h"

#include <gtest/gtest.h>

namespace learning {
namespace {

std::vector<std::string> described(const ParsedBank& b) {
  std::vector<std::string> out;
  for (const auto& p : b.problems) out.push_back(describe(p));
  return out;
}

TEST(BankImport, ReadsTrueFalseSingleAndMultipleChoiceAndLeavesEssaysOut) {
  auto b = parse_alqac_bank(R"([
    {"question_id": "q1", "question_type": "Đúng/Sai", "text": "Người từ đủ 18 tuổi là người thành niên, đúng hay sai?",
     "answer": "Đúng", "relevant_articles": [{"law_id": "91/2015/QH13", "article_id": "20"}]},
    {"question_id": "q2", "question_type": "Trắc nghiệm", "text": "Tuổi thành niên là bao nhiêu?",
     "choices": {"A": "16", "B": "18", "C": "20"}, "answer": "B", "field": "dan-su", "difficulty": 1, "tags": ["tuổi", "cá nhân, dân sự"]},
    {"question_id": "q3", "question_type": "Trắc nghiệm", "text": "Những căn cứ nào xác lập quyền dân sự?",
     "choices": {"A": "Hợp đồng", "B": "Thời tiết", "C": "Hành vi pháp lý đơn phương"}, "answer": "A, C"},
    {"question_id": "q4", "question_type": "Tự luận", "text": "Trình bày về quyền dân sự.", "answer": "…"}
  ])", "bo-de");
  ASSERT_TRUE(b.problems.empty()) << described(b)[0];
  ASSERT_EQ(b.questions.size(), 3u);
  EXPECT_EQ(b.skipped, 1u);

  const auto& tf = b.questions[0];
  EXPECT_EQ(tf.row, 1u);
  EXPECT_EQ(tf.question.kind, QuestionKind::true_false);
  EXPECT_EQ(tf.question.source_ref, "bo-de#q1");
  ASSERT_EQ(tf.question.choices.size(), 2u);
  EXPECT_TRUE(tf.question.choices[0].correct);
  EXPECT_EQ(tf.question.law, "91/2015/QH13");
  EXPECT_EQ(tf.cited, (std::vector<std::pair<std::string, std::string>>{{"91/2015/QH13", "20"}}));

  const auto& single = b.questions[1].question;
  EXPECT_EQ(single.kind, QuestionKind::single);
  EXPECT_EQ(single.choices.size(), 3u);
  EXPECT_TRUE(single.choices[1].correct);
  EXPECT_FALSE(single.choices[0].correct);
  EXPECT_EQ(single.difficulty, 1);
  EXPECT_EQ(single.field_slug, "dan-su");
  EXPECT_EQ(single.tags, (std::vector<std::string>{"tuổi", "cá nhân", "dân sự"}));

  const auto& multiple = b.questions[2].question;
  EXPECT_EQ(multiple.kind, QuestionKind::multiple);
  EXPECT_TRUE(multiple.choices[0].correct && !multiple.choices[1].correct && multiple.choices[2].correct);
}

TEST(BankImport, EveryBadItemIsReportedByItemAndField) {
  auto b = parse_alqac_bank(R"([
    {"question_id": "ok", "question_type": "Đúng/Sai", "text": "Câu đúng mẫu.", "answer": "Sai"},
    {"question_id": "a", "question_type": "Đúng/Sai", "text": "Thiếu đáp án."},
    {"question_id": "b", "question_type": "Trắc nghiệm", "text": "Đáp án ngoài lựa chọn.", "choices": {"A": "x", "B": "y"}, "answer": "D"},
    {"question_id": "c", "question_type": "Trắc nghiệm", "text": "Không có lựa chọn.", "answer": "A"},
    {"question_id": "d", "question_type": "Điền khuyết", "text": "Loại lạ.", "answer": "A"},
    {"question_id": "e", "question_type": "Trắc nghiệm", "text": "", "choices": {"A": "x", "B": "y"}, "answer": "A"},
    {"question_id": "f", "question_type": "Trắc nghiệm", "text": "Lựa chọn trùng.", "choices": {"A": "x", "B": "x"}, "answer": "A"},
    {"question_id": "g", "question_type": "Đúng/Sai", "text": "Độ khó sai.", "answer": "Đúng", "difficulty": 7},
    {"question_id": "h", "question_type": "Đúng/Sai", "text": "Điều luật thiếu.", "answer": "Đúng", "relevant_articles": [{"law_id": "Luật Cư trú"}]},
    "không phải đối tượng"
  ])", "x");
  EXPECT_EQ(b.questions.size(), 1u) << "only the good item is kept";
  EXPECT_EQ(described(b), (std::vector<std::string>{
                              "mục 2, trường answer: Đáp án câu Đúng/Sai là «Đúng» hoặc «Sai», không phải «».",
                              "mục 3, trường answer: Đáp án D không có trong các lựa chọn.",
                              "mục 4, trường choices: Câu trắc nghiệm cần \"choices\" dạng {\"A\": \"…\", \"B\": \"…\"}.",
                              "mục 5, trường question_type: Loại câu hỏi «Điền khuyết» không rõ: dùng «Trắc nghiệm», «Đúng/Sai» hoặc «Tự luận».",
                              "mục 6, trường text: Chưa có nội dung câu hỏi.",
                              "mục 7, trường choices: Lựa chọn B trùng với một lựa chọn khác.",
                              "mục 8, trường difficulty: Độ khó là 1 (dễ), 2 (trung bình) hoặc 3 (khó).",
                              "mục 9, trường relevant_articles: Mỗi điều luật cần \"law_id\" và \"article_id\".",
                              "mục 10: Mỗi câu hỏi là một đối tượng JSON.",
                          }));
}

TEST(BankImport, AFileThatIsNotABankIsOneProblem) {
  for (const char* text : {"", "{\"a\": 1}", "[1, 2", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"}) {
    auto b = parse_alqac_bank(text, "x");
    ASSERT_EQ(b.problems.size(), 1u) << text;
    EXPECT_EQ(b.problems[0].row, 0u);
    EXPECT_TRUE(describe(b.problems[0]).starts_with("tệp: ")) << describe(b.problems[0]);
  }
  EXPECT_EQ(parse_alqac_bank(std::string(kMaxBankFileBytes + 1, ' '), "x").problems.at(0).message, "Tệp lớn quá 20 MB.");
}

TEST(QuestionRules, ChoicesMatchTheKind) {
  BankQuestion q;
  q.text = "Câu hỏi?";
  q.kind = QuestionKind::single;
  q.choices = {{"A", "một", true}, {"B", "hai", true}};
  EXPECT_EQ(question_problems(q).at("answer"), "Câu hỏi một đáp án cần đúng một lựa chọn đúng.");
  q.kind = QuestionKind::multiple;
  EXPECT_TRUE(question_problems(q).empty());
  q.choices = {{"A", "một", true}};
  EXPECT_TRUE(question_problems(q).count("choices")) << "at least two choices";
  q.kind = QuestionKind::true_false;
  q.choices = true_false_choices(false);
  EXPECT_TRUE(question_problems(q).empty());
  q.choices[0].label = "Có";
  EXPECT_TRUE(question_problems(q).count("choices"));
  q.choices = true_false_choices(true);
  q.text = std::string(kMaxQuestionText + 1, 'a');
  EXPECT_EQ(question_problems(q).at("text"), "Câu hỏi dài quá 2000 ký tự.");
}

}  // namespace
}  // namespace learning
