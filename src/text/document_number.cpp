#include "text/document_number.h"

#include "text/vietnamese.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace text {

namespace {

// Code parts whose standard spelling has "Đ" or lower-case letters; folded key → spelling.
struct CodeSpelling {
  std::string_view key, spelling;
};
constexpr std::array<CodeSpelling, 14> kSpellings{{
    {"nd", "NĐ"},          // Nghị định
    {"qd", "QĐ"},          // Quyết định
    {"hdnd", "HĐND"},      // Hội đồng nhân dân
    {"hdtp", "HĐTP"},      // Hội đồng Thẩm phán
    {"hdqt", "HĐQT"},      // Hội đồng quản trị
    {"bgddt", "BGDĐT"},    // Bộ Giáo dục và Đào tạo
    {"bldtbxh", "BLĐTBXH"},// Bộ Lao động - Thương binh và Xã hội
    {"bkhdt", "BKHĐT"},    // Bộ Kế hoạch và Đầu tư
    {"dhqg", "ĐHQG"},      // Đại học quốc gia
    {"ttg", "TTg"},        // Thủ tướng Chính phủ
    {"tlđ", "TLĐ"},
    {"tld", "TLĐ"},        // Tổng Liên đoàn Lao động
    {"dctw", "ĐCTW"},
    {"bvhttdl", "BVHTTDL"},
}};

// Issuers that may follow a space inside a code typed in lower case ("100/2019/nd cp").
constexpr std::array<std::string_view, 28> kIssuers{
    "cp",    "ttg",  "qh",   "btc",  "bca",   "byt",    "bqp",     "bgddt", "bldtbxh", "btnmt",
    "bxd",   "bgtvt", "btp", "bct",  "bnv",   "nhnn",   "ubtvqh",  "hdnd",  "ubnd",    "tandtc",
    "vksndtc", "bkhdt", "bvhttdl", "btttt", "bnnptnt", "vpqh", "hdtp", "kttw"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_dstroke(std::string_view s, std::size_t i) {
  return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC4 &&
         (static_cast<unsigned char>(s[i + 1]) == 0x90 || static_cast<unsigned char>(s[i + 1]) == 0x91);
}
// A letter, digit or mark starts at / ends before byte i.
bool word_cp(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return is_digit(static_cast<char>(c)) || is_ascii_alpha(static_cast<char>(c));
  auto t = u_charType(c);
  return u_isalnum(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}
bool word_byte(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, k, static_cast<int32_t>(s.size()), c);
  return word_cp(c);
}
bool word_byte_before(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(p, 0, k, c);
  return word_cp(c);
}

std::size_t count_digits(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && is_digit(s[i + n])) ++n;
  return n;
}

struct Segment {
  std::size_t begin = 0, end = 0;
  bool letter = false, upper = true;
};

// A code part at i: ASCII letters, digits, Đ/đ; must end at a word boundary.
std::optional<Segment> segment_at(std::string_view s, std::size_t i) {
  Segment g{i, i, false, true};
  std::size_t j = i;
  while (j < s.size()) {
    if (is_digit(s[j])) {
      ++j;
    } else if (is_ascii_alpha(s[j])) {
      g.letter = true;
      if (s[j] >= 'a' && s[j] <= 'z') g.upper = false;
      ++j;
    } else if (is_dstroke(s, j)) {
      g.letter = true;
      if (static_cast<unsigned char>(s[j + 1]) == 0x91) g.upper = false;
      j += 2;
    } else {
      break;
    }
  }
  if (j == i || j - i > 14 || word_byte(s, j)) return std::nullopt;
  g.end = j;
  return g;
}

bool known_issuer(std::string_view seg) {
  std::string k = fold(seg);
  return std::find(kIssuers.begin(), kIssuers.end(), k) != kIssuers.end();
}

std::string spell_segment(std::string_view seg) {
  std::string k = fold(seg);
  for (const auto& sp : kSpellings)
    if (sp.key == k) return std::string(sp.spelling);
  std::string out;
  for (std::size_t i = 0; i < seg.size(); ++i) {
    if (is_dstroke(seg, i)) {
      out += "Đ";
      ++i;
    } else {
      char c = seg[i];
      out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  return out;
}

// Matches a number at i; returns its end and canonical spelling.
std::optional<NumberMention> number_at(std::string_view s, std::size_t i) {
  if (word_byte_before(s, i) || (i > 0 && (s[i - 1] == '/' || s[i - 1] == '.' || s[i - 1] == '-'))) return std::nullopt;
  std::size_t n = count_digits(s, i);
  if (n == 0 || n > 5) return std::nullopt;
  std::size_t j = i + n;
  std::string canonical(s.substr(i, n));
  if (j + 1 < s.size() && s[j] == '.' && count_digits(s, j + 1) > 0 && count_digits(s, j + 1) <= 3) {
    std::size_t m = count_digits(s, j + 1);
    canonical += s.substr(j, m + 1);
    j += m + 1;
  }
  if (j >= s.size() || (s[j] != '/' && s[j] != '-')) return std::nullopt;
  bool dash = s[j] == '-';
  ++j;
  bool year = false;
  if (count_digits(s, j) == 4 && j + 4 < s.size() && (s[j + 4] == '/' || s[j + 4] == '-')) {
    canonical += '/';
    canonical.append(s.substr(j, 4));
    j += 5;
    year = true;
  }
  if (dash && !year) return std::nullopt;  // "12-ND" is too easily something else
  std::vector<std::string> parts;
  std::size_t end = j;
  bool any_letter = false;
  while (parts.size() < 6) {
    auto g = segment_at(s, j);
    if (!g) break;
    if (parts.empty() && !g->letter) return std::nullopt;
    any_letter |= g->letter;
    parts.push_back(spell_segment(s.substr(g->begin, g->end - g->begin)));
    end = g->end;
    // Next part after '-', or after one space when it is upper case or a known issuer.
    if (end < s.size() && s[end] == '-') {
      j = end + 1;
      continue;
    }
    if (end + 1 < s.size() && s[end] == ' ') {
      auto next = segment_at(s, end + 1);
      if (next && next->letter && next->end - next->begin >= 2 &&
          ((next->upper && next->end - next->begin <= 8) || known_issuer(s.substr(next->begin, next->end - next->begin)))) {
        j = end + 1;
        continue;
      }
    }
    break;
  }
  if (parts.empty() || !any_letter) return std::nullopt;
  canonical += "/";
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k) canonical += '-';
    canonical += parts[k];
  }
  return NumberMention{i, end, canonical};
}

}  // namespace

std::vector<NumberMention> find_document_numbers(std::string_view s) {
  std::vector<NumberMention> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_digit(s[i])) continue;
    if (auto m = number_at(s, i)) {
      i = m->end;
      out.push_back(std::move(*m));
    } else {
      while (i + 1 < s.size() && is_digit(s[i + 1])) ++i;
    }
  }
  return out;
}

std::optional<std::string> normalize_document_number(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '.')) s.remove_suffix(1);
  auto m = number_at(s, 0);
  if (!m || m->end != s.size()) return std::nullopt;
  return m->number;
}

std::string document_number_key(std::string_view s) {
  auto n = normalize_document_number(s);
  return n ? fold(*n) : std::string();
}

}  // namespace text
