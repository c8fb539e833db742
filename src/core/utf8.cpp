#include "core/utf8.h"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <unordered_set>

namespace core {

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) { ++p; continue; }
    int extra;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07; }
    else return false;
    if (end - p <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    static constexpr char32_t min_for_length[] = {0, 0x80, 0x800, 0x10000};
    if (cp < min_for_length[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += extra + 1;
  }
  return true;
}

namespace {
icu::UnicodeString unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::unique_ptr<icu::Transliterator> transliterator(const char* rules) {
  UErrorCode status = U_ZERO_ERROR;
  return std::unique_ptr<icu::Transliterator>(icu::Transliterator::createInstance(rules, UTRANS_FORWARD, status));
}

// Drops the combining marks with `t`; đ/Đ are letters of their own, not a base letter with a
// mark, so they become d (and D, unless `capital_d` is false).
std::string without_marks(std::string_view s, icu::Transliterator& t, bool capital_d) {
  icu::UnicodeString u = unicode(s);
  t.transliterate(u);
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0111)), icu::UnicodeString("d"));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0110)), icu::UnicodeString(capital_d ? "D" : "d"));
  return utf8(u);
}
}  // namespace

std::string nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString in = unicode(s);
  if (norm->isNormalized(in, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  return utf8(norm->normalize(in, status));
}

// An ICU transliterator is not thread-safe, so each thread keeps its own.
std::string fold_vietnamese(std::string_view s) {
  thread_local auto t = transliterator("NFD; [:Nonspacing Mark:] Remove; Lower; NFC");
  return without_marks(s, *t, false);
}

std::string remove_diacritics(std::string_view s) {
  thread_local auto t = transliterator("NFD; [:Nonspacing Mark:] Remove; NFC");
  return without_marks(s, *t, true);
}

std::string slugify(std::string_view s, std::size_t max_len) {
  std::string folded = fold_vietnamese(s);
  std::string out;
  bool dash = false;
  for (unsigned char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c);
      if (out.size() >= max_len) break;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string first_free_slug(const std::string& base, const std::vector<std::string>& taken) {
  const std::unordered_set<std::string_view> used(taken.begin(), taken.end());
  if (!used.contains(base)) return base;
  for (std::size_t n = 2;; ++n) {
    std::string slug = base + "-" + std::to_string(n);
    if (!used.contains(slug)) return slug;
  }
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string utf8_prefix(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < s.size() && count < n; ++count) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return std::string(s.substr(0, i));
}

std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c == '\r') continue;
    if (c < 0x20 && c != '\n' && c != '\t') continue;
    if (c == 0x7F) continue;
    out += static_cast<char>(c);
  }
  auto first = out.find_first_not_of(" \t\n");
  if (first == std::string::npos) return {};
  auto last = out.find_last_not_of(" \t\n");
  return out.substr(first, last - first + 1);
}

std::string to_lower(std::string_view s) {
  icu::UnicodeString u = unicode(s);
  u.toLower(icu::Locale("vi"));
  return utf8(u);
}

std::string sentence_case(std::string_view s) {
  icu::UnicodeString u = unicode(s);
  u.toLower(icu::Locale("vi"));
  if (u.length() > 0) {
    UChar32 first = u.char32At(0);
    u.replace(0, U16_LENGTH(first), icu::UnicodeString(static_cast<UChar32>(u_toupper(first))));
  }
  return utf8(u);
}

std::string vietnamese_sort_key(std::string_view s) {
  // A Collator is not thread-safe to share; each thread keeps its own.
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    return U_SUCCESS(status) ? std::move(c) : nullptr;
  }();
  if (!collator) return std::string(s);
  auto text = unicode(s);
  std::string key(static_cast<std::size_t>(collator->getSortKey(text, nullptr, 0)), '\0');
  collator->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
  if (!key.empty() && key.back() == '\0') key.pop_back();  // the key's terminating NUL
  return key;
}

}  // namespace core
