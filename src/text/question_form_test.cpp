// What a question asks for, and what a clause states.
#include "answer/question_form.h"

#include "answer/answer_service.h"

#include <gtest/gtest.h>

namespace answer {
namespace {

TEST(QuestionForm, QuantitiesAndPermissionsAreAskedInEverydayWords) {
  EXPECT_TRUE(question_form("Tôi nghỉ việc phải báo trước bao nhiêu ngày").asks_quantity);
  EXPECT_TRUE(question_form("con mấy tuổi thì được làm chứng minh thư").asks_quantity);
  EXPECT_TRUE(question_form("lai suat cho vay toi da la bao nhieu").asks_quantity);
  EXPECT_TRUE(question_form("thử việc dc hưởng bn % lương").asks_quantity);
  EXPECT_FALSE(question_form("Điều kiện đăng ký thường trú").asks_quantity);
  EXPECT_TRUE(question_form("Công ty có được giữ bằng đại học của em không?").asks_permission);
  EXPECT_TRUE(question_form("nghỉ luôn không báo trước có sao không").asks_permission);
  EXPECT_TRUE(question_form("vo co phai tra no thay chong k").asks_permission);
  EXPECT_FALSE(question_form("Thời hiệu khởi kiện về hợp đồng").asks_permission);
}

TEST(QuestionForm, ClausesStateNumbersWithUnitsAndModalVerbs) {
  EXPECT_TRUE(states_quantity("a) Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;"));
  EXPECT_TRUE(states_quantity("Tiền lương của người lao động trong thời gian thử việc ít nhất phải bằng 85% mức lương"));
  EXPECT_TRUE(states_quantity("Nam từ đủ 20 tuổi trở lên"));
  EXPECT_FALSE(states_quantity("2. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động không cần báo trước."));
  EXPECT_FALSE(states_quantity("theo quy định tại khoản 2 Điều 35"));
  EXPECT_TRUE(states_permission("Người sử dụng lao động không được giữ bản chính giấy tờ tùy thân"));
  EXPECT_TRUE(states_permission("Nghiêm cấm các hành vi sau đây"));
  EXPECT_FALSE(states_permission("Bộ luật này quy định tiêu chuẩn lao động"));
}

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

}  // namespace
}  // namespace answer
