#include "answer/answer_service.h"

#include <gtest/gtest.h>

TEST(FollowUp, RecognisesQuestionsThatLeanOnThePreviousTurn) {
  EXPECT_TRUE(answer::is_follow_up("Còn nếu người đó dưới 18 tuổi thì sao?"));
  EXPECT_TRUE(answer::is_follow_up("Trường hợp này thì xử lý thế nào?"));
  EXPECT_TRUE(answer::is_follow_up("Vậy thời hạn là bao lâu?"));
  EXPECT_TRUE(answer::is_follow_up("Còn viên chức?"));
  EXPECT_FALSE(answer::is_follow_up("Thời gian thử việc đối với người quản lý doanh nghiệp tối đa bao nhiêu ngày?"))
      << "\"việc đối\" is not \"việc đó\"";
  EXPECT_FALSE(answer::is_follow_up("Người lao động làm việc đủ 12 tháng được nghỉ hằng năm bao nhiêu ngày?"));
}
