// The clause an answer quotes (answer/answer_service.h, best_quote).
#include "answer/answer_service.h"

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

}  // namespace
}  // namespace answer
