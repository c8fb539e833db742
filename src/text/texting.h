#pragma once
// Texting style in citizens' questions ("ko", "dc", "vs", "bn", "cty", "ck"): the words spelled
// out before a question is analysed, so "nghỉ việc ko báo trước dc ko" is read as "nghỉ việc không
// báo trước được không". Only shorthand that means one thing in a question about the law is
// listed ("dk" may be "điều kiện" or "đăng ký": left as typed).
#include <string>
#include <string_view>

namespace text {

// `nfc_text` with each shorthand word replaced by its words: with diacritics when the text has
// some, else without ("ko" → "khong", leaving accent restoration to the words as a whole). A "k"
// after "điểm" is a point of a clause, not "không".
std::string expand_texting(std::string_view nfc_text);

}  // namespace text
