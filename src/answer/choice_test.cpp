#include "answer/choice.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace {

// An article shaped like the library stores it: title line, then clauses and points.
const std::string kArticle =
    "Điều 46. Thông báo nghỉ hưu\n"
    "1. Chậm nhất 06 tháng trước ngày viên chức nghỉ hưu, đơn vị sự nghiệp công lập phải thông báo bằng văn bản về thời "
    "điểm nghỉ hưu.\n"
    "2. Viên chức được nghỉ hưu trong các trường hợp sau đây:\n"
    "a) Đủ tuổi nghỉ hưu theo quy định của pháp luật về lao động;\n"
    "b) Có đơn đề nghị nghỉ hưu trước tuổi.";

// Clause 1 of the article as a true/false statement, with `months` for its notice period.
std::string notice_statement(const std::string& months) {
  return "Chậm nhất " + months +
         " tháng trước ngày viên chức nghỉ hưu, đơn vị sự nghiệp công lập phải thông báo bằng văn bản về thời điểm "
         "nghỉ hưu, đúng hay sai?";
}

// Options for "in which case may an official retire?": two the article supports, one it does not.
const std::string kWhichCase = "Viên chức được nghỉ hưu trong trường hợp nào?";
const std::string kRetirementAge = "Đủ tuổi nghỉ hưu theo quy định của pháp luật về lao động";  // point a
const std::string kOwnRequest = "Có đơn đề nghị nghỉ hưu trước tuổi";                           // point b
const std::string kTrafficFine = "Bị xử phạt vi phạm hành chính về giao thông đường bộ";        // not in the article
const std::string kBothAandB = "Cả A và B đều đúng";

// The option the article leads to for a multiple-choice question.
std::string pick(const std::string& question, const std::map<std::string, std::string>& options) {
  return answer::decide_multiple_choice(question, options, {kArticle}).choice;
}

}  // namespace

TEST(Choice, RecognisesTrueFalseStatements) {
  EXPECT_TRUE(answer::looks_like_true_false("Viên chức được nghỉ hưu khi đủ tuổi, đúng hay sai?"));
  EXPECT_TRUE(answer::looks_like_true_false("Viên chức được nghỉ hưu khi đủ tuổi nghỉ hưu."));
  EXPECT_FALSE(answer::looks_like_true_false("Viên chức được nghỉ hưu khi nào?"));
  EXPECT_FALSE(answer::looks_like_true_false("Thời hạn thông báo nghỉ hưu là bao nhiêu tháng"));
  EXPECT_FALSE(answer::looks_like_true_false("Ai có quyền thông báo nghỉ hưu"));
  EXPECT_TRUE(answer::looks_like_true_false("Viên chức được nghỉ hưu khi đủ tuổi, đúng không"));
  EXPECT_TRUE(answer::looks_like_true_false("Người lao động không được từ chối làm thêm giờ."));
  EXPECT_TRUE(answer::looks_like_true_false("Người tố cáo có quyền yêu cầu được giữ bí mật họ tên, địa chỉ, bút tích của mình"));
  EXPECT_TRUE(answer::looks_like_true_false("Người dân được tiếp cận thông tin thuộc bí mật nhà nước phải không?"));
}

TEST(Choice, QuestionsTypedWithoutAQuestionMarkAreNotStatements) {
  // Citizens leave the "?" out; none of these may be judged "Đúng" or "Sai".
  for (const char* question : {"Con tôi 15 tuổi đi làm thêm được không", "vay tien khong tra thi co bi di tu khong",
                               "nghỉ việc có cần báo trước ko ạ", "Đủ 18 tuổi đã được kết hôn chưa", "Em muốn hỏi về thủ tục ly hôn ạ",
                               "Nghỉ việc phải báo trước bao lâu", "thử việc được mấy tháng", "ly hôn thì con ở với ai vậy mọi người",
                               "kiện đòi nợ nộp đơn ở tòa j", "điều kiện thuận tình ly hôn", "độ tuổi kết hôn nam nữ",
                               "lãi suất cho vay tối đa giữa cá nhân",
                               "trợ cấp mất việc làm khi công ty cắt giảm nhân sự"})
    EXPECT_FALSE(answer::looks_like_true_false(question)) << question;
}

TEST(Choice, AStatementThatRestatesTheArticleIsTrue) {
  auto d = answer::decide_true_false(notice_statement("06"), {kArticle});
  EXPECT_EQ(d.choice, "Đúng");
  EXPECT_GT(d.support, 0.9);
}

TEST(Choice, AChangedNumberMakesAStatementFalse) {
  EXPECT_EQ(answer::decide_true_false(notice_statement("03"), {kArticle}).choice, "Sai");
}

TEST(Choice, AStatementAboutSomethingElseIsFalse) {
  EXPECT_EQ(answer::decide_true_false("Viên chức bị kỷ luật buộc thôi việc khi uống rượu bia trong giờ làm việc.", {kArticle}).choice,
            "Sai");
}

TEST(Choice, LeadingZerosDoNotMatter) {
  EXPECT_DOUBLE_EQ(answer::statement_support("chậm nhất 6 tháng", kArticle), answer::statement_support("chậm nhất 06 tháng", kArticle));
}

TEST(Choice, PicksTheOptionTheArticleSupports) {
  EXPECT_EQ(pick("Đơn vị phải thông báo nghỉ hưu trước bao lâu?",
                 {{"A", "06 tháng"}, {"B", "04 tháng"}, {"C", "03 tháng"}, {"D", "02 tháng"}}),
            "A");
}

TEST(Choice, AllOfTheAboveWinsWhenEveryOptionIsSupported) {
  EXPECT_EQ(pick(kWhichCase, {{"A", kRetirementAge}, {"B", kOwnRequest}, {"C", kBothAandB}}), "C");
}

TEST(Choice, OnlyOneSupportedOptionBeatsAllOfTheAbove) {
  EXPECT_EQ(pick(kWhichCase, {{"A", kRetirementAge}, {"B", kTrafficFine}, {"C", kBothAandB}}), "A");
}

TEST(Choice, AQuestionAskedInTheNegativePicksTheUnsupportedOption) {
  EXPECT_EQ(pick("Viên chức được nghỉ hưu trong các trường hợp sau, ngoại trừ trường hợp nào?",
                 {{"A", kRetirementAge}, {"B", kOwnRequest}, {"C", kTrafficFine}}),
            "C");
}

TEST(Choice, CombinedOptionsAreReadInTheirUsualForms) {
  for (const std::string combined : {"Đáp án A và B là đúng", "A và B", "A, B đều đúng", "Cả A và B"})
    EXPECT_EQ(pick(kWhichCase, {{"A", kRetirementAge}, {"B", kOwnRequest}, {"C", combined}}), "C") << combined;
}

TEST(Choice, AllOfThemWrongIsAnOrdinaryOption) {
  EXPECT_EQ(pick(kWhichCase, {{"A", kRetirementAge}, {"B", kOwnRequest}, {"C", "Cả A và B đều sai"}}), "A");
}

TEST(Choice, ANegationInCapitalsAsksForTheUnsupportedOption) {
  EXPECT_EQ(pick("Viên chức KHÔNG được nghỉ hưu trong trường hợp sau đây?", {{"A", kRetirementAge}, {"B", kOwnRequest}, {"C", kTrafficFine}}),
            "C");
  EXPECT_EQ(pick("Đâu không phải trường hợp viên chức được nghỉ hưu?", {{"A", kRetirementAge}, {"B", kOwnRequest}, {"C", kTrafficFine}}),
            "C");
  EXPECT_EQ(pick(kWhichCase, {{"A", kRetirementAge}, {"B", kTrafficFine}}), "A") << "a question in lower case without a negation";
}
