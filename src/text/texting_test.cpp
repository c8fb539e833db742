// Texting shorthand spelled out before analysis.
#include "text/texting.h"

#include <gtest/gtest.h>

namespace text {
namespace {

TEST(Texting, ShorthandIsSpelledOutWithTheQuerysDiacritics) {
  EXPECT_EQ(expand_texting("bầu tháng thứ 8 mà cty bắt tăng ca vs làm đêm có dc ko ạ"),
            "bầu tháng thứ 8 mà công ty bắt tăng ca với làm đêm có được không ạ");
  EXPECT_EQ(expand_texting("thu viec dc huong bn % luong"), "thu viec duoc huong bao nhieu % luong");
  EXPECT_EQ(expand_texting("Đc nghỉ j?"), "được nghỉ gì?");
  EXPECT_EQ(expand_texting("ck em đi tù thì vk có phải trả nợ k"), "chồng em đi tù thì vợ có phải trả nợ không");
}

TEST(Texting, WordsAndCitationsStayAsTyped) {
  EXPECT_EQ(expand_texting("điểm k khoản 1 Điều 35"), "điểm k khoản 1 Điều 35");
  EXPECT_EQ(expand_texting("Kết hôn ở tuổi nào"), "Kết hôn ở tuổi nào");
  EXPECT_EQ(expand_texting(""), "");
  EXPECT_EQ(expand_texting("100/2019/NĐ-CP"), "100/2019/NĐ-CP");
}

}  // namespace
}  // namespace text
