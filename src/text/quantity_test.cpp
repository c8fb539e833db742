// Amounts in questions and the ranges clauses state (text/quantity.h).
#include "text/quantity.h"

#include <gtest/gtest.h>

namespace text {
namespace {

// Whether some range of the clause holds the question's first amount.
bool answers(std::string_view clause, std::string_view question) {
  const auto amounts = amounts_in(question);
  if (amounts.empty()) return false;
  for (const auto& r : ranges_in(clause))
    if (holds(r, amounts.front())) return true;
  return false;
}

TEST(Quantity, AmountsAsCitizensWriteThem) {
  auto money = amounts_in("Trộm cái điện thoại trị giá 3 triệu thì có bị đi tù không?");
  ASSERT_EQ(money.size(), 1u);
  EXPECT_EQ(money[0].dimension, Dimension::money);
  EXPECT_DOUBLE_EQ(money[0].value, 3e6);
  EXPECT_EQ(money[0].words, (std::vector<std::string>{"3", "trieu"})) << "the words it was read from";
  EXPECT_DOUBLE_EQ(amounts_in("mượn 3tr")[0].value, 3e6);
  EXPECT_DOUBLE_EQ(amounts_in("lấy 500k")[0].value, 5e5);
  EXPECT_DOUBLE_EQ(amounts_in("1,5 tỷ đồng")[0].value, 1.5e9);
  EXPECT_DOUBLE_EQ(amounts_in("2.000.000 đồng")[0].value, 2e6);
  EXPECT_DOUBLE_EQ(amounts_in("500 nghìn")[0].value, 5e5);
  auto share = amounts_in("đánh nhau gây thương tích 15% thì có bị đi tù ko");
  ASSERT_EQ(share.size(), 1u);
  EXPECT_EQ(share[0].dimension, Dimension::share);
  EXPECT_DOUBLE_EQ(share[0].value, 15);
  auto age = amounts_in("Ly hon thi con moi 2 tuoi se do ai nuoi?");
  ASSERT_EQ(age.size(), 1u);
  EXPECT_EQ(age[0].dimension, Dimension::age);
  EXPECT_DOUBLE_EQ(age[0].value, 24) << "ages count in months";
  EXPECT_TRUE(amounts_in("làm việc 2 năm, nghỉ 45 ngày").empty()) << "durations are not tracked";
  EXPECT_TRUE(amounts_in("sáu năm sau").empty()) << "a number in words counts only as an age";
}

TEST(Quantity, HostileNumbersAreNoAmounts) {
  EXPECT_TRUE(amounts_in(std::string(400, '9') + " triệu").empty());
  EXPECT_TRUE(amounts_in("1.2.3.4 triệu").empty());
  EXPECT_EQ(ranges_in("từ " + std::string(400, '9') + " đồng đến dưới 5 đồng").size(), 1u) << "only \"dưới 5 đồng\"";
  EXPECT_NO_THROW(amounts_in(",,, . % tuổi triệu 5,,5 tỷ"));
}

TEST(Quantity, RangesAsTheLawStatesThem) {
  const std::string theft1 =
      "1. Người nào trộm cắp tài sản của người khác trị giá từ 2.000.000 đồng đến dưới 50.000.000 đồng hoặc dưới 2.000.000 đồng nhưng thuộc "
      "một trong các trường hợp sau đây, thì bị phạt cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng đến 03 năm:";
  const std::string theft2 = "2. Phạm tội chiếm đoạt tài sản trị giá từ 50.000.000 đồng đến dưới 200.000.000 đồng, thì bị phạt tù từ 02 năm đến 07 năm:";
  EXPECT_TRUE(answers(theft1, "trộm điện thoại 3 triệu"));
  EXPECT_FALSE(answers(theft2, "trộm điện thoại 3 triệu"));
  EXPECT_TRUE(answers(theft2, "trộm xe 60tr"));
  EXPECT_TRUE(answers(theft1, "trộm 1 triệu")) << "the open range below 2,000,000 đồng";

  const std::string injury = "1. Người nào cố ý gây thương tích cho người khác mà tỷ lệ tổn thương cơ thể từ 11% đến 30% …";
  EXPECT_TRUE(answers(injury, "gây thương tích 15%"));
  EXPECT_FALSE(answers(injury, "gây thương tích 45%"));
  EXPECT_TRUE(answers(injury, "thương tích 30 phần trăm")) << "the high end is included without \"dưới\"";

  const std::string custody = "3. Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi.";
  EXPECT_TRUE(answers(custody, "con mới 2 tuổi"));
  EXPECT_FALSE(answers(custody, "con 3 tuổi"));
  const std::string minors = "Người từ đủ mười lăm tuổi đến chưa đủ mười tám tuổi khi xác lập giao dịch dân sự phải được người đại diện đồng ý";
  EXPECT_TRUE(answers(minors, "Con em 17 tuổi tự mua xe máy"));
  EXPECT_FALSE(answers(minors, "Con em 18 tuổi tự mua xe máy"));
  EXPECT_TRUE(answers("Người từ đủ 16 tuổi trở lên phải chịu trách nhiệm hình sự về mọi tội phạm", "con tôi 17 tuổi"));
  EXPECT_TRUE(answers("phạt tiền từ 2 đến dưới 5 triệu đồng", "bị phạt 3 triệu")) << "the high's unit scales the low";
}

}  // namespace
}  // namespace text
