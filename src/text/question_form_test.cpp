// What a question asks for, and what a clause states.
#include "text/question_form.h"

#include <gtest/gtest.h>

namespace text {
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

TEST(QuestionForm, AFineIsAskedAboutWithoutAWordOfCrime) {
  struct Case {
    const char* question;
    bool fine;
  };
  const Case cases[] = {
      {"Công ty không cho nhân viên nghỉ phép năm thì bị phạt thế nào?", true},
      {"cty trả lương chậm thì bị phạt bn tiền", true},
      {"muc phat khi khong doi mu bao hiem", true},
      {"vuot den do phat bao nhieu", true},
      {"khong doi mu bao hiem bi phat the nao", true},
      {"Doanh nghiệp có bị xử phạt khi không đóng bảo hiểm xã hội?", true},
      {"Bị phạt vi phạm hành chính vì không đăng ký tạm trú", true},
      {"toi bi phat hanh chinh vi di xe khong bang", true},  // "tôi" (I), not "tội"
      // A criminal penalty.
      {"Đánh bạc bao nhiêu tiền thì bị phạt tù?", false},
      {"Trộm xe máy bị phạt thế nào, có bị xử lý hình sự không?", false},
      {"Người phạm tội đánh bạc còn có thể bị phạt tiền từ bao nhiêu?", false},
      {"Tội đánh bạc bị phạt bao nhiêu?", false},
      // "phát", not "phạt": find, issue, a card.
      {"Con tôi bị phát hiện dùng ma túy thì sao?", false},
      {"con toi bi phat hien dung ma tuy", false},
      {"dieu kien phat hanh trai phieu", false},
      {"ubnd xa co phat the bhyt cho tre em khong", false},
      // A contract's penalty.
      {"Phạt cọc gấp đôi thì có đúng quy định pháp luật?", false},
      {"Hợp đồng có thỏa thuận phạt vi phạm 20% có được không?", false},
  };
  for (const auto& c : cases) EXPECT_EQ(question_form(c.question).asks_fine, c.fine) << c.question;
  EXPECT_FALSE(question_form_of_words({"bi", "phat", "bao", "nhieu"}).asks_fine) << "folded alone cannot tell phạt from phát";
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

TEST(QuestionForm, QuestionWordsAreKnownAsWrittenAndFolded) {
  EXPECT_TRUE(is_question_word("khong"));
  EXPECT_TRUE(is_question_word("co"));
  EXPECT_FALSE(is_question_word("dau")) << "folded it is also đầu, đau";
  EXPECT_TRUE(is_question_word_as_written("có"));
  EXPECT_TRUE(is_question_word_as_written("co")) << "without diacritics, any word folding alike";
  EXPECT_FALSE(is_question_word_as_written("cổ"));
  EXPECT_TRUE(is_question_word_as_written("mấy"));
  EXPECT_TRUE(is_question_word_as_written("đâu"));
  EXPECT_FALSE(is_question_word_as_written("đau"));
  EXPECT_FALSE(is_question_word_as_written("dau"));
}

}  // namespace
}  // namespace text
