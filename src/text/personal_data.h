#pragma once
// Masks personal data in free text before it can reach a log or an operator's screen: citizens'
// questions carry phone numbers, ID card numbers, e-mail addresses and home addresses.
// Legal numbers (100/2019/NĐ-CP), article numbers, dates and money amounts are left alone.
#include <string>
#include <string_view>

namespace text {

// Valid NFC UTF-8 out, with
//   phone numbers (0912 345 678, +84 912.345.678, (024) 3825 1234)  → "[số điện thoại]"
//   ID numbers: 9 (CMND) or 12 (CCCD) digits, or any grouping after "CCCD"/"CMND"/… → "[số giấy tờ]"
//   e-mail addresses                                                  → "[thư điện tử]"
//   house-number addresses (số 12 đường Lê Lợi, phường …)             → "[địa chỉ]"
// Names are not recognised; callers that log must still avoid logging whole texts they need not.
std::string mask_personal_data(std::string_view s);

}  // namespace text
