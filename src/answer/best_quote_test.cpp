// The clause an answer quotes (answer/answer_service.h, best_quote).
#include "answer/answer_service.h"

#include "core/utf8.h"

#include <gtest/gtest.h>

namespace answer {
namespace {

// Điều 35 of the Labour Code: clause 1 gives the notice periods, clause 2 the cases needing none.
const std::string kArticle35 =
    "Quyền đơn phương chấm dứt hợp đồng lao động của người lao động\n"
    "1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động như sau:\n"
    "a) Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;\n"
    "b) Ít nhất 30 ngày nếu làm việc theo hợp đồng lao động xác định thời hạn có thời hạn từ 12 tháng đến 36 tháng;\n"
    "2. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động không cần báo trước trong trường hợp sau đây:\n"
    "a) Không được bố trí theo đúng công việc, địa điểm làm việc hoặc không được bảo đảm điều kiện làm việc;\n"
    "b) Không được trả đủ lương hoặc trả lương không đúng thời hạn;";

TEST(BestQuote, TheClauseThatAnswersIsQuotedNotTheFirstThatSharesWords) {
  auto notice = best_quote("Tôi nghỉ việc phải báo trước bao nhiêu ngày", kArticle35);
  EXPECT_EQ(notice.clause, "1");
  EXPECT_NE(notice.text.find("Ít nhất 45 ngày"), std::string::npos);
  auto unpaid = best_quote("công ty nợ lương thì em nghỉ luôn không báo trước có được không", kArticle35);
  EXPECT_EQ(unpaid.clause, "2");
  EXPECT_NE(kArticle35.find(unpaid.text), std::string::npos) << "a quote is always a substring of the article";
}

TEST(BestQuote, TheEditorsWordsChooseTheClauseToo) {
  // "ngả lưng" is no curated entry; editors taught search that it means "chỗ ở hợp pháp".
  const std::string article =
      "Giải thích từ ngữ\n"
      "1. Cư trú là việc công dân sinh sống tại một địa điểm thuộc đơn vị hành chính cấp xã.\n"
      "2. Chỗ ở hợp pháp là nơi được sử dụng để sinh sống, thuộc quyền sở hữu hoặc quyền sử dụng của công dân.";
  const auto editors = text::Thesaurus::parse("ngả lưng\tchỗ ở hợp pháp\n");
  const std::string question = "ngả lưng ở xã thì sao";
  EXPECT_EQ(best_quote(question_words_of(question), article).clause, "1");
  EXPECT_EQ(best_quote(question_words_of(question, editors), article).clause, "2");
}

TEST(BestQuote, AWordOnlyOneClauseHoldsTellsTheClausesApart) {
  // After Điều 630 Bộ luật Dân sự: "di chúc" is in every clause and "hợp pháp" in three, "miệng"
  // only in khoản 4. Counted alike, khoản 1 holds more of the question (six words and pairs to five).
  const std::string article =
      "Di chúc hợp pháp\n"
      "1. Di chúc hợp pháp phải có đủ các điều kiện sau đây: người lập di chúc minh mẫn, sáng suốt.\n"
      "2. Di chúc của người từ đủ mười lăm tuổi đến chưa đủ mười tám tuổi là hợp pháp khi cha, mẹ đồng ý.\n"
      "3. Di chúc bằng văn bản không có công chứng, chứng thực chỉ được coi là hợp pháp nếu có đủ các điều kiện tại khoản 1.\n"
      "4. Di chúc miệng được lập khi người để lại di chúc thể hiện ý chí cuối cùng trước mặt ít nhất hai người làm chứng.";
  auto quote = best_quote("di chúc miệng hợp pháp", article);
  EXPECT_EQ(quote.clause, "4") << quote.text;
  EXPECT_NEAR(quote.overlap, 5.0 / 9.0, 1e-9) << "the confidence is still the plain share of the question's 9 words and pairs";
}

TEST(BestQuote, TheClauseWhoseRangeHoldsTheAmountAnswersAndStatesIt) {
  // After Điều 134 Bộ luật Hình sự: the clauses differ only by their ranges.
  const std::string article =
      "1. Người nào cố ý gây thương tích cho người khác mà tỷ lệ tổn thương cơ thể từ 11% đến 30%, thì bị phạt tù từ 06 tháng đến 03 năm.\n"
      "2. Phạm tội gây thương tích cho người khác mà tỷ lệ tổn thương cơ thể từ 31% đến 60%, thì bị phạt tù từ 02 năm đến 06 năm.\n"
      "3. Phạm tội gây thương tích cho người khác mà tỷ lệ tổn thương cơ thể 61% trở lên, thì bị phạt tù từ 05 năm đến 10 năm.";
  auto injury = best_quote("cố ý gây thương tích 35% thì bị phạt tù mấy năm", article);
  EXPECT_EQ(injury.clause, "2");
  // Khoản 2 holds 7 of the question's 10 words (not "cố", "ý", "35") and 4 of its 9 pairs; the
  // range holding 35% states the amount, so "35" counts: 12 of 19, not 11.
  EXPECT_NEAR(injury.overlap, 12.0 / 19.0, 1e-9) << "a range holding the amount states it: it counts toward the confidence";
  EXPECT_EQ(best_quote("gây thương tích 70% thì sao", article).clause, "3");
}

TEST(BestQuote, OfTwoRangesHoldingTheAmountTheNarrowerAnswers) {
  // After Điều 143 Bộ luật Lao động: 14 years old is under 18 (khoản 1) and from 13 to under 15
  // (khoản 3); the question's words favour khoản 1, which defines the term it uses.
  const std::string article =
      "1. Lao động chưa thành niên là người lao động chưa đủ 18 tuổi.\n"
      "2. Người từ đủ 15 tuổi đến chưa đủ 18 tuổi không được làm công việc nặng nhọc, độc hại, nguy hiểm.\n"
      "3. Người từ đủ 13 tuổi đến chưa đủ 15 tuổi chỉ được làm công việc nhẹ theo danh mục do Bộ trưởng ban hành.";
  EXPECT_EQ(best_quote("Lao động chưa thành niên mới 14 tuổi có đi làm phục vụ được không?", article).clause, "3");
  EXPECT_EQ(best_quote("Lao động chưa thành niên 16 tuổi làm việc nặng nhọc được không?", article).clause, "2");
  EXPECT_EQ(best_quote("Lao động chưa thành niên là người bao nhiêu tuổi?", article).clause, "1") << "no amount, no range bonus";
}

TEST(BestQuote, ALongClauseIsCutAfterItsLastWholePointAndSaysSo) {
  std::string clause = "1. Người thừa kế theo pháp luật được xếp theo thứ tự sau đây:\n";
  for (char point = 'a'; point <= 'h'; ++point)
    clause += std::string(1, point) + ") Hàng thừa kế gồm vợ, chồng, cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, con đẻ, con nuôi của người chết;\n";
  const std::string article = "Người thừa kế theo pháp luật\n" + clause + "2. Những người thừa kế cùng hàng được hưởng phần di sản bằng nhau.";
  ASSERT_GT(clause.size(), kClauseBytes);
  auto quote = best_quote("ai là người thừa kế theo pháp luật", article);
  EXPECT_EQ(quote.clause, "1");
  EXPECT_TRUE(quote.shortened);
  EXPECT_LE(quote.text.size(), kClauseBytes);
  EXPECT_NE(article.find(quote.text), std::string::npos) << "a quote is always a substring of the article";
  EXPECT_TRUE(quote.text.ends_with("của người chết;")) << "cut after a whole point, not inside one: " << quote.text;

  // A clause that fits is whole and not marked.
  auto whole = best_quote("hưởng phần di sản bằng nhau", article);
  EXPECT_EQ(whole.clause, "2");
  EXPECT_FALSE(whole.shortened);
  EXPECT_EQ(whole.text, "2. Những người thừa kế cùng hàng được hưởng phần di sản bằng nhau.");
}

TEST(BestQuote, ALongSentenceIsCutBetweenWordsNeverInsideACharacter) {
  std::string body;
  while (body.size() < 2 * kFirstLinesBytes) body += "người sử dụng lao động phải bảo đảm điều kiện làm việc ";
  const std::string article = body;  // stored without its title and without clauses: the first line is quoted
  auto quote = best_quote("điều kiện làm việc", article);
  EXPECT_TRUE(quote.shortened);
  EXPECT_LE(quote.text.size(), kFirstLinesBytes);
  EXPECT_EQ(article.find(quote.text), 0u);
  EXPECT_TRUE(core::is_valid_utf8(quote.text));
  EXPECT_NE(quote.text.back(), ' ');
}

}  // namespace
}  // namespace answer
