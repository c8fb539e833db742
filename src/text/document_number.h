#pragma once
// Document numbers (số hiệu): "100/2019/NĐ-CP", "91/2015/QH13", "01/VBHN-VPQH", "471/QĐ-TTg".
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace text {

// Canonical spelling, tolerant of case, missing diacritics and separators:
// "100/2019/nđ-cp", "100-2019-ND-CP", "100/2019/ND CP" → "100/2019/NĐ-CP"; "471/qd-ttg" → "471/QĐ-TTg".
// Nullopt when `s` is not a document number.
std::optional<std::string> normalize_document_number(std::string_view s);

// Comparison key: lower case, folded, '/' between the parts: every spelling above → "100/2019/nd-cp".
// Equal to library::number_key for well-formed numbers. Returns "" when `s` is not a number.
std::string document_number_key(std::string_view s);

// A document number found in running text or a query.
struct NumberMention {
  std::size_t begin = 0, end = 0;  // byte range
  std::string number;              // canonical (normalize_document_number)
};
// Every document number in `nfc_text`. Accepts "số 100/2019/NĐ-CP", lower case, "ND" for "NĐ",
// "100-2019-ND-CP" (dashes only when a year is present) and a space between code parts when the
// next part is upper case or a known issuer code ("100/2019/ND CP", "100/2019/nd cp").
std::vector<NumberMention> find_document_numbers(std::string_view nfc_text);

}  // namespace text
