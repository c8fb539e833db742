#include "text/personal_data.h"

#include <gtest/gtest.h>

namespace {

using text::mask_personal_data;

struct Case {
  const char* input;
  const char* expected;
};

TEST(PersonalData, MasksPhoneNumbersInVietnameseFormats) {
  const Case cases[] = {
      {"Số của tôi là 0912345678.", "Số của tôi là [số điện thoại]."},
      {"gọi 0912 345 678 giúp em", "gọi [số điện thoại] giúp em"},
      {"SĐT: 0912.345.678", "SĐT: [số điện thoại]"},
      {"liên hệ 098-765-4321 nhé", "liên hệ [số điện thoại] nhé"},
      {"+84 912 345 678", "[số điện thoại]"},
      {"+84912345678 hoặc 84987654321", "[số điện thoại] hoặc [số điện thoại]"},
      {"Máy bàn (024) 3825 1234", "Máy bàn [số điện thoại]"},
      {"0236 3822 123 (Đà Nẵng)", "[số điện thoại] (Đà Nẵng)"},
      {"0912345678/0987654321", "[số điện thoại]/[số điện thoại]"},
      {"năm 2020 0912345678", "năm 2020 [số điện thoại]"},
  };
  for (const auto& c : cases) EXPECT_EQ(mask_personal_data(c.input), c.expected) << c.input;
}

TEST(PersonalData, MasksIdNumbers) {
  const Case cases[] = {
      {"CCCD 001089012345 cấp ngày 01/01/2021", "CCCD [số giấy tờ] cấp ngày 01/01/2021"},
      {"số CMND 123456789", "số CMND [số giấy tờ]"},
      {"căn cước công dân số 001 089 012 345", "căn cước công dân số [số giấy tờ]"},
      {"mã 036201001234 của tôi", "mã [số giấy tờ] của tôi"},
  };
  for (const auto& c : cases) EXPECT_EQ(mask_personal_data(c.input), c.expected) << c.input;
}

TEST(PersonalData, MasksEmailAddresses) {
  EXPECT_EQ(mask_personal_data("gửi về nguyen.van.a@gmail.com."), "gửi về [thư điện tử].");
  EXPECT_EQ(mask_personal_data("e-mail: tran_b+hoi@so-tu-phap.hanoi.gov.vn, cảm ơn"), "e-mail: [thư điện tử], cảm ơn");
  EXPECT_EQ(mask_personal_data("một @ lẻ và a@b"), "một @ lẻ và a@b");
}

TEST(PersonalData, MasksHouseNumberAddresses) {
  const Case cases[] = {
      {"Tôi ở số 12 đường Lê Lợi, phường Bến Nghé, quận 1, muốn hỏi", "Tôi ở [địa chỉ], muốn hỏi"},
      {"nhà số 25 phố Hàng Bài, Hà Nội", "[địa chỉ], Hà Nội"},
      {"số nhà 7/3 hẻm 45 Nguyễn Trãi có tranh chấp", "[địa chỉ] có tranh chấp"},
      {"nhà 12 ngõ 34 phố Huế bị lấn chiếm", "[địa chỉ] bị lấn chiếm"},
      {"sống tại 25 đường Trần Phú, TP. Nha Trang", "sống tại [địa chỉ]"},
  };
  for (const auto& c : cases) EXPECT_EQ(mask_personal_data(c.input), c.expected) << c.input;
}

TEST(PersonalData, LeavesLegalNumbersDatesAndMoneyAlone) {
  const char* untouched[] = {
      "Nghị định số 100/2019/NĐ-CP quy định xử phạt",
      "theo khoản 2 Điều 32 Luật Phòng, chống ma túy",
      "Điều 5 đường bộ",  // never an address: an article number
      "Thông tư 12/2020/TT-BTC ngày 01/05/2020",
      "ngày 12.05.2023 và 2019-2020",
      "phạt từ 1.000.000 đồng đến 2.000.000 đồng",
      "mức phạt 500000000 đồng",
      "mức 100 000 000 đồng",
      "Quyết định 471/QĐ-TTg năm 2024",
      "lãi suất 0,5% một tháng, 20% một năm",
      "Bộ luật Lao động 45/2019/QH14, 12 ngày nghỉ hằng năm",
      "Hotline 1900 1234",
  };
  for (const char* s : untouched) EXPECT_EQ(mask_personal_data(s), s);
}

TEST(PersonalData, OutputIsValidNfcEvenForBrokenInput) {
  EXPECT_EQ(mask_personal_data("Ho\xffi 0912345678"), "Ho\xef\xbf\xbdi [số điện thoại]");
  EXPECT_EQ(mask_personal_data(""), "");
}

}  // namespace
