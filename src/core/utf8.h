#pragma once
// UTF-8 and Vietnamese text helpers used at every input boundary.
#include <string>
#include <string_view>
#include <vector>

namespace core {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Unicode NFC normalisation (ICU). Input must be valid UTF-8.
std::string nfc(std::string_view s);

// Lower-case, diacritics removed, đ→d: the form users type without accents.
std::string fold_vietnamese(std::string_view s);

// ASCII URL slug from Vietnamese text: "Tin tức pháp luật" -> "tin-tuc-phap-luat".
std::string slugify(std::string_view s, std::size_t max_len = 80);
// `base` if no slug of `taken` is it, else the first of base-2, base-3, ... that is free. `taken`
// may hold anything else too (the repositories read every slug that starts with `base`).
std::string first_free_slug(const std::string& base, const std::vector<std::string>& taken);

// A byte string whose order is Vietnamese alphabetical order (ICU collation for "vi": a < ă < â,
// d < đ, tones after the letter), for sorting names people read: compare keys with `<`.
std::string vietnamese_sort_key(std::string_view s);

// Number of code points.
std::size_t utf8_length(std::string_view s);
// The first `n` code points of valid UTF-8 `s` (all of it when shorter): never half a character.
std::string utf8_prefix(std::string_view s, std::size_t n);

// Removes ASCII control characters except tab and newline; trims surrounding whitespace.
std::string clean_text(std::string_view s);

}  // namespace core

namespace core {
// Unicode lower case that keeps the diacritics ("NGHỊ ĐỊNH" -> "nghị định").
std::string to_lower(std::string_view s);
// Upper-case first letter, the rest lower case: "QUY ĐỊNH CHUNG" -> "Quy định chung".
std::string sentence_case(std::string_view s);
}  // namespace core

namespace core {
// Diacritics removed, case kept, đ→d and Đ→D: "Quyền Sử Dụng Đất" -> "Quyen Su Dung Dat".
std::string remove_diacritics(std::string_view s);
}  // namespace core
