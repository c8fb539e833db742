#pragma once
// Masks personal data in free text before it can reach a log or an operator's screen: citizens'
// questions carry phone numbers, ID card numbers, e-mail addresses and home addresses.
// Legal numbers (100/2019/NĐ-CP), article numbers, dates and money amounts are left alone.
#include <string>
#include <string_view>
#include <vector>

namespace text {

// Valid NFC UTF-8 out, with
//   phone numbers (0912 345 678, +84 912.345.678, (024) 3825 1234)  → "[số điện thoại]"
//   ID numbers: 9 (CMND) or 12 (CCCD) digits, or any grouping after "CCCD"/"CMND"/… → "[số giấy tờ]"
//   e-mail addresses                                                  → "[thư điện tử]"
//   house-number addresses (số 12 đường Lê Lợi, phường …)             → "[địa chỉ]"
//   personal names (Nguyễn Văn An; anh Tuấn, bà Hoa)                  → "[họ tên]"
// Names are found by family name or a title word before a capitalised word, so a name written in
// lower case is missed: callers that log must still avoid logging whole texts they need not.
std::string mask_personal_data(std::string_view s);

// The same findings as byte ranges, for a moderator to review before publishing:
// `normalized` must be text::normalize()d (NFC); `kind` is the placeholder above ("[họ tên]").
struct PersonalData {
  std::size_t begin, end;
  std::string_view kind;
};
std::vector<PersonalData> find_personal_data(const std::string& normalized);

}  // namespace text
