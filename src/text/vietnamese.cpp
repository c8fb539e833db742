#include "text/vietnamese.h"

#include "core/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>

namespace text {

namespace {

constexpr UChar32 kDStrokeLower = 0x0111, kDStrokeUpper = 0x0110;

bool is_mark(UChar32 c) {
  auto t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

// First code point of the full canonical decomposition (the base letter), or c itself.
UChar32 base_letter(UChar32 c) {
  static const icu::Normalizer2* nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFDInstance(status);
  }();
  if (nfd == nullptr) return c;
  icu::UnicodeString d;
  if (!nfd->getDecomposition(c, d) || d.isEmpty()) return c;
  return d.char32At(0);
}

// Per code point mappings from ICU data, cached for the scripts Vietnamese text uses (Latin,
// Latin Extended Additional, general punctuation). -1 in `fold` means "drop" (a mark).
struct Tables {
  static constexpr UChar32 kSize = 0x2100;
  std::array<UChar32, kSize> low{}, fold{}, strip{};
  Tables() {
    for (UChar32 c = 0; c < kSize; ++c) {
      low[c] = u_tolower(c);
      if (c == kDStrokeLower || c == kDStrokeUpper) {
        fold[c] = 'd';
        strip[c] = c == kDStrokeLower ? 'd' : 'D';
      } else if (is_mark(c)) {
        fold[c] = strip[c] = -1;
      } else {
        UChar32 b = base_letter(c);
        strip[c] = b;
        fold[c] = u_tolower(b);
      }
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

UChar32 lower_cp(UChar32 c) { return c < Tables::kSize ? tables().low[c] : u_tolower(c); }

UChar32 fold_cp(UChar32 c) {
  if (c < Tables::kSize) return tables().fold[c];
  if (is_mark(c)) return -1;
  return u_tolower(base_letter(c));
}

UChar32 strip_cp(UChar32 c) {
  if (c < Tables::kSize) return tables().strip[c];
  if (is_mark(c)) return -1;
  return base_letter(c);
}

void append(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
    return;
  }
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out.append(buf, static_cast<std::size_t>(n));
}

template <typename F>
std::string map_code_points(std::string_view s, F f) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) {  // ASCII fast path
      UChar32 m = f(static_cast<UChar32>(p[i]));
      if (m >= 0) out += static_cast<char>(m);
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    UChar32 m = f(c);
    if (m >= 0) append(out, m);
  }
  return out;
}

bool is_word_cp(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || is_mark(c);
}

bool is_digit_ascii(uint8_t c) { return c >= '0' && c <= '9'; }

// Vietnamese writes the tone of a final "oa", "oe", "uy" either on the first vowel ("hòa",
// "thủy", the newer rule) or on the second ("hoà", "thuỷ", the older one); legal texts mix both
// ("thỏa thuận" and "thoả thuận" in the same law). Words compare in the newer placement.
void normalize_tone_placement(std::string& w) {
  const auto* p = reinterpret_cast<const uint8_t*>(w.data());
  int32_t end = static_cast<int32_t>(w.size());
  if (end < 3) return;
  int32_t i = end;
  UChar32 last, first;
  U8_PREV(p, 0, i, last);
  if (last < 0x80) return;
  int32_t j = i;
  U8_PREV(p, 0, j, first);
  if (first != 'o' && first != 'u') return;
  if (first == 'u' && j > 0 && p[j - 1] == 'q') return;  // "quý": the u belongs to "qu"
  static const icu::Normalizer2* nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFCInstance(status);
  }();
  static const icu::Normalizer2* nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFDInstance(status);
  }();
  if (!nfc || !nfd) return;
  icu::UnicodeString d;
  if (!nfd->getDecomposition(last, d) || d.length() != 2) return;
  UChar32 base = d.charAt(0), mark = d.charAt(1);
  if (mark != 0x0300 && mark != 0x0301 && mark != 0x0309 && mark != 0x0303 && mark != 0x0323) return;
  if (!((first == 'o' && (base == 'a' || base == 'e')) || (first == 'u' && base == 'y'))) return;
  UChar32 moved = nfc->composePair(first, mark);
  if (moved < 0) return;
  std::string out = w.substr(0, static_cast<std::size_t>(j));
  append(out, moved);
  out += static_cast<char>(base);
  w = std::move(out);
}

}  // namespace

std::string normalize(std::string_view s) {
  if (core::is_valid_utf8(s)) return core::nfc(s);
  // fromUTF8 replaces each ill-formed sequence by U+FFFD.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string valid;
  u.toUTF8String(valid);
  return core::nfc(valid);
}

std::string lower(std::string_view s) { return map_code_points(s, lower_cp); }

std::string fold(std::string_view s) { return map_code_points(s, fold_cp); }

std::string remove_diacritics(std::string_view s) { return map_code_points(s, strip_cp); }

bool has_diacritics(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && fold_cp(c) != lower_cp(c)) return true;
  }
  return false;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  // What separates the next token from the previous one: only blanks (or one '-' or '/') join.
  bool joinable = false;
  int separators = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !is_word_cp(c)) {
      if (c == ' ' || c == '\t' || c == 0xA0) {
        // blanks keep the pair joinable
      } else if ((c == '-' || c == '/') && separators == 0) {
        ++separators;
      } else {
        joinable = false;
      }
      continue;
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(start);
    t.joined = joinable && !out.empty();
    int32_t j = start;
    while (j < n) {
      int32_t k = j;
      UChar32 d;
      U8_NEXT(p, k, n, d);
      if (d >= 0 && is_word_cp(d)) {
        UChar32 l = lower_cp(d), f = fold_cp(d);
        append(t.lower, l);
        if (f >= 0) append(t.folded, f);
        j = k;
        continue;
      }
      // "10.000.000", "0,5": a dot or comma between digits stays inside the number.
      if ((d == '.' || d == ',') && j > start && is_digit_ascii(p[j - 1]) && k < n && is_digit_ascii(p[k])) {
        t.lower += static_cast<char>(d);
        t.folded += static_cast<char>(d);
        j = k;
        continue;
      }
      break;
    }
    t.end = static_cast<std::uint32_t>(j);
    normalize_tone_placement(t.lower);
    i = j;
    out.push_back(std::move(t));
    joinable = true;
    separators = 0;
  }
  return out;
}

std::string match_case(std::string_view model, std::string_view word) {
  const auto* m = reinterpret_cast<const uint8_t*>(model.data());
  int32_t i = 0, n = static_cast<int32_t>(model.size());
  int letters = 0, uppers = 0;
  bool first_upper = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(m, i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    bool up = u_isupper(c);
    if (letters == 0) first_upper = up;
    ++letters;
    uppers += up;
  }
  if (!first_upper) return std::string(word);
  bool all = letters > 1 && uppers == letters;
  std::string out;
  const auto* w = reinterpret_cast<const uint8_t*>(word.data());
  int32_t j = 0, wn = static_cast<int32_t>(word.size());
  bool first = true;
  while (j < wn) {
    UChar32 c;
    U8_NEXT(w, j, wn, c);
    if (c < 0) c = 0xFFFD;
    append(out, (first || all) ? u_toupper(c) : c);
    first = false;
  }
  return out;
}

std::set<std::string> folded_word_set(std::string_view nfc_text) {
  std::set<std::string> out;
  for (auto& t : tokenize(nfc_text)) out.insert(std::move(t.folded));
  return out;
}

double word_overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 1;
  std::size_t common = 0;
  for (const auto& w : a) common += b.count(w);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::string title_key(std::string_view s) {
  std::string out;
  for (auto& t : tokenize(s)) {
    if (!out.empty()) out += ' ';
    out += t.folded;
  }
  return out;
}

}  // namespace text
