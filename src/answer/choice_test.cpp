#include "answer/choice.h"

#include <gtest/gtest.h>

namespace {

// An article shaped like the library stores it: title line, then clauses and points.
const std::string kArticle =
    "Điều 46. Thông báo nghỉ hưu\n"
    "1. Chậm nhất 06 tháng trước ngày viên chức nghỉ hưu, đơn vị sự nghiệp công lập phải thông báo bằng văn bản về thời "
    "điểm nghỉ hưu.\n"
    "2. Viên chức được nghỉ hưu trong các trường hợp sau đây:\n"
    "a) Đủ tuổi nghỉ hưu theo quy định của pháp luật về lao động;\n"
    "b) Có đơn đề nghị nghỉ hưu trước tuổi.";

}  // namespace

TEST(Choice, RecognisesTrueFalseStatements) {
  EXPECT_TRUE(answer::looks_like_true_false("Viên chức được nghỉ hưu khi đủ tuổi, đúng hay sai?"));
  EXPECT_TRUE(answer::looks_like_true_false("Viên chức được nghỉ hưu khi đủ tuổi nghỉ hưu."));
  EXPECT_FALSE(answer::looks_like_true_false("Viên chức được nghỉ hưu khi nào?"));
  EXPECT_FALSE(answer::looks_like_true_false("Thời hạn thông báo nghỉ hưu là bao nhiêu tháng"));
  EXPECT_FALSE(answer::looks_like_true_false("Ai có quyền thông báo nghỉ hưu"));
}

TEST(Choice, AStatementThatRestatesTheArticleIsTrue) {
  auto d = answer::decide_true_false(
      "Chậm nhất 06 tháng trước ngày viên chức nghỉ hưu, đơn vị sự nghiệp công lập phải thông báo bằng văn bản về thời điểm "
      "nghỉ hưu, đúng hay sai?",
      {kArticle});
  EXPECT_EQ(d.choice, "Đúng");
  EXPECT_GT(d.support, 0.9);
}

TEST(Choice, AChangedNumberMakesAStatementFalse) {
  auto d = answer::decide_true_false(
      "Chậm nhất 03 tháng trước ngày viên chức nghỉ hưu, đơn vị sự nghiệp công lập phải thông báo bằng văn bản về thời điểm "
      "nghỉ hưu, đúng hay sai?",
      {kArticle});
  EXPECT_EQ(d.choice, "Sai");
}

TEST(Choice, AStatementAboutSomethingElseIsFalse) {
  EXPECT_EQ(answer::decide_true_false("Viên chức bị kỷ luật buộc thôi việc khi uống rượu bia trong giờ làm việc.", {kArticle}).choice,
            "Sai");
}

TEST(Choice, LeadingZerosDoNotMatter) {
  EXPECT_DOUBLE_EQ(answer::statement_support("chậm nhất 6 tháng", kArticle), answer::statement_support("chậm nhất 06 tháng", kArticle));
}

TEST(Choice, PicksTheOptionTheArticleSupports) {
  auto d = answer::decide_multiple_choice("Đơn vị phải thông báo nghỉ hưu trước bao lâu?",
                                          {{"A", "06 tháng"}, {"B", "04 tháng"}, {"C", "03 tháng"}, {"D", "02 tháng"}}, {kArticle});
  EXPECT_EQ(d.choice, "A");
}

TEST(Choice, AllOfTheAboveWinsWhenEveryOptionIsSupported) {
  auto d = answer::decide_multiple_choice(
      "Viên chức được nghỉ hưu trong trường hợp nào?",
      {{"A", "Đủ tuổi nghỉ hưu theo quy định của pháp luật về lao động"},
       {"B", "Có đơn đề nghị nghỉ hưu trước tuổi"},
       {"C", "Cả A và B đều đúng"}},
      {kArticle});
  EXPECT_EQ(d.choice, "C");
}

TEST(Choice, OnlyOneSupportedOptionBeatsAllOfTheAbove) {
  auto d = answer::decide_multiple_choice(
      "Viên chức được nghỉ hưu trong trường hợp nào?",
      {{"A", "Đủ tuổi nghỉ hưu theo quy định của pháp luật về lao động"},
       {"B", "Bị xử phạt vi phạm hành chính về giao thông đường bộ"},
       {"C", "Cả A và B đều đúng"}},
      {kArticle});
  EXPECT_EQ(d.choice, "A");
}

TEST(Choice, AQuestionAskedInTheNegativePicksTheUnsupportedOption) {
  auto d = answer::decide_multiple_choice(
      "Viên chức được nghỉ hưu trong các trường hợp sau, ngoại trừ trường hợp nào?",
      {{"A", "Đủ tuổi nghỉ hưu theo quy định của pháp luật về lao động"},
       {"B", "Có đơn đề nghị nghỉ hưu trước tuổi"},
       {"C", "Bị xử phạt vi phạm hành chính về giao thông đường bộ"}},
      {kArticle});
  EXPECT_EQ(d.choice, "C");
}
