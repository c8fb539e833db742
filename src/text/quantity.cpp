#include "text/quantity.h"

#include "text/texting.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <limits>
#include <optional>
#include <string>

namespace text {

namespace {

constexpr double kNoBound = std::numeric_limits<double>::infinity();

// Folded words of the text, with "%" as a word of its own (the tokenizer drops punctuation).
std::vector<std::string> quantity_words(std::string_view raw) {
  const std::string nfc = normalize(raw);
  std::vector<std::string> out;
  for (auto& t : tokenize(nfc)) {
    out.push_back(std::move(t.folded));
    std::size_t next = t.end;
    while (next < nfc.size() && nfc[next] == ' ') ++next;
    if (next < nfc.size() && nfc[next] == '%') out.push_back("%");
  }
  return out;
}

// "2.000.000" (dots between groups of three), "1,5" and "1.5" (a decimal), "15".
std::optional<double> number_in_digits(std::string_view w) {
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w.front()))) return std::nullopt;
  std::string plain;
  const bool comma = w.find(',') != std::string_view::npos;
  bool thousands = !comma && w.find('.') != std::string_view::npos;
  if (thousands) {  // every group after the first has three digits
    std::size_t at = w.find('.');
    while (at != std::string_view::npos) {
      const std::size_t next = w.find('.', at + 1);
      const std::size_t len = (next == std::string_view::npos ? w.size() : next) - at - 1;
      if (len != 3) thousands = false;
      at = next;
    }
  }
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) plain += c;
    else if (c == ',' || (c == '.' && !thousands)) plain += '.';
    else if (c != '.') return std::nullopt;
  }
  // At most 15 significant digits: more is no amount anyone asks about. from_chars: no locale, no throw.
  if (std::count(plain.begin(), plain.end(), '.') > 1 || plain.size() > 16) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (error != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  return value;
}

// One to ninety-nine in words, folded: "sau" 6, "muoi lam" 15, "hai muoi mot" 21; `used` words.
std::optional<double> number_in_words(const std::vector<std::string>& w, std::size_t i, std::size_t& used) {
  static constexpr std::array<std::string_view, 10> kUnits = {"", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin"};
  auto unit = [&](std::size_t k, bool after_tens) -> int {
    if (k >= w.size()) return -1;
    if (after_tens && (w[k] == "lam" || w[k] == "nham")) return 5;
    if (after_tens && w[k] == "tu") return 4;
    for (int d = 1; d <= 9; ++d)
      if (w[k] == kUnits[static_cast<std::size_t>(d)]) return d;
    return -1;
  };
  if (i >= w.size()) return std::nullopt;
  if (w[i] == "muoi") {  // mười, mười lăm
    const int u = unit(i + 1, true);
    used = u > 0 ? 2 : 1;
    return 10.0 + std::max(u, 0);
  }
  const int tens = unit(i, false);
  if (tens < 0) return std::nullopt;
  if (i + 1 < w.size() && w[i + 1] == "muoi") {  // hai mươi, hai mươi mốt
    const int u = unit(i + 2, true);
    used = u > 0 ? 3 : 2;
    return tens * 10.0 + std::max(u, 0);
  }
  used = 1;
  return tens;
}

// A quantity at w[i]: its value, its dimension when a unit says it, and the words it took.
struct Quantity {
  double value = 0;
  std::optional<Dimension> dimension;
  std::size_t used = 0;
};

std::optional<Quantity> quantity_at(const std::vector<std::string>& w, std::size_t i) {
  if (i >= w.size()) return std::nullopt;
  Quantity q;
  std::string word = w[i];
  double scale = 1;
  // "3tr", "500k", "3trieu": the unit written onto the number.
  for (auto [suffix, factor] : {std::pair<std::string_view, double>{"trieu", 1e6}, {"tr", 1e6}, {"k", 1e3}})
    if (word.size() > suffix.size() && word.ends_with(suffix) && std::isdigit(static_cast<unsigned char>(word[word.size() - suffix.size() - 1]))) {
      word.resize(word.size() - suffix.size());
      scale = factor;
      q.dimension = Dimension::money;
      break;
    }
  std::size_t used = 1;
  std::optional<double> n = number_in_digits(word);
  const bool in_words = !n;
  if (in_words) n = number_in_words(w, i, used);
  if (!n) return std::nullopt;
  std::size_t k = i + used;
  const auto at = [&](std::size_t j) -> std::string_view { return j < w.size() ? std::string_view(w[j]) : std::string_view(); };
  if (!q.dimension) {
    if (at(k) == "%") {
      q.dimension = Dimension::share, ++k;
    } else if (at(k) == "phan" && at(k + 1) == "tram") {
      q.dimension = Dimension::share, k += 2;
    } else if (at(k) == "tuoi") {
      q.dimension = Dimension::age, scale = 12, ++k;
    } else if (at(k) == "thang" && at(k + 1) == "tuoi") {
      q.dimension = Dimension::age, k += 2;
    } else if (at(k) == "trieu" || at(k) == "tr") {
      q.dimension = Dimension::money, scale = 1e6, ++k;
    } else if (at(k) == "ty" || at(k) == "ti") {
      q.dimension = Dimension::money, scale = 1e9, ++k;
    } else if (at(k) == "nghin" || at(k) == "ngan" || at(k) == "k") {
      q.dimension = Dimension::money, scale = 1e3, ++k;
    } else if (at(k) == "dong") {
      q.dimension = Dimension::money;
    }
    if (q.dimension == Dimension::money && at(k) == "dong") ++k;
  }
  // A number in words counts only as an age ("mười tám tuổi"): "sáu", "năm", "tư" are words too.
  if (in_words && q.dimension != Dimension::age) return std::nullopt;
  q.value = *n * scale;
  q.used = k - i;
  return q;
}

Range open_range(Dimension d) { return {d, -kNoBound, kNoBound, false, false}; }

}  // namespace

std::vector<Amount> amounts_in(std::string_view text) {
  const auto w = quantity_words(expand_texting(normalize(text)));
  std::vector<Amount> out;
  for (std::size_t i = 0; i < w.size();) {
    auto q = quantity_at(w, i);
    if (q && q->dimension) {
      out.push_back({*q->dimension, q->value, {w.begin() + static_cast<std::ptrdiff_t>(i), w.begin() + static_cast<std::ptrdiff_t>(i + q->used)}});
      i += q->used;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<Range> ranges_in(std::string_view text) {
  const auto w = quantity_words(text);
  const auto at = [&](std::size_t j) -> std::string_view { return j < w.size() ? std::string_view(w[j]) : std::string_view(); };
  std::vector<Range> out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    // "từ (đủ) A đến (dưới | chưa đủ) B": the unit may come with either number or both.
    if (at(i) == "tu") {
      std::size_t k = i + 1 + (at(i + 1) == "du" ? 1 : 0);
      auto low = quantity_at(w, k);
      if (!low || at(k + low->used) != "den") continue;
      k += low->used + 1;
      bool below = false;
      if (at(k) == "duoi") below = true, ++k;
      else if (at(k) == "chua" && at(k + 1) == "du") below = true, k += 2;
      else if (at(k) == "du") ++k;
      auto high = quantity_at(w, k);
      if (!high) continue;
      auto dimension = low->dimension ? low->dimension : high->dimension;
      if (!dimension || (low->dimension && high->dimension && low->dimension != high->dimension)) continue;
      double low_value = low->value;
      if (!low->dimension) {  // "từ 2 đến dưới 5 triệu đồng": the high's unit scales both
        auto bare = number_in_digits(w[k]);
        if (bare && *bare > 0) low_value *= high->value / *bare;
      }
      out.push_back({*dimension, low_value, high->value, true, !below});
      i = k + high->used - 1;
      continue;
    }
    // "dưới B", "chưa đủ B", "không quá B", "tối đa B"; "trên A", "ít nhất A", "tối thiểu A"; "A trở lên".
    std::size_t k = i;
    std::optional<bool> upper;  // true: B is an upper bound
    bool included = false;
    if (at(i) == "duoi") upper = true, k = i + 1;
    else if (at(i) == "chua" && at(i + 1) == "du") upper = true, k = i + 2;
    else if ((at(i) == "khong" && at(i + 1) == "qua") || (at(i) == "toi" && at(i + 1) == "da")) upper = true, included = true, k = i + 2;
    else if (at(i) == "tren") upper = false, k = i + 1;
    else if ((at(i) == "it" && at(i + 1) == "nhat") || (at(i) == "toi" && at(i + 1) == "thieu")) upper = false, included = true, k = i + 2;
    if (upper) {
      auto q = quantity_at(w, k);
      if (!q || !q->dimension) continue;
      Range r = open_range(*q->dimension);
      if (*upper) r.high = q->value, r.high_included = included;
      else r.low = q->value, r.low_included = included;
      out.push_back(r);
      i = k + q->used - 1;
      continue;
    }
    auto q = quantity_at(w, i);
    if (q && q->dimension && at(i + q->used) == "tro" && at(i + q->used + 1) == "len") {
      Range r = open_range(*q->dimension);
      r.low = q->value, r.low_included = true;
      out.push_back(r);
      i += q->used + 1;
    }
  }
  return out;
}

bool holds(const Range& r, const Amount& a) {
  if (r.dimension != a.dimension) return false;
  const bool above_low = r.low_included ? a.value >= r.low : a.value > r.low;
  const bool below_high = r.high_included ? a.value <= r.high : a.value < r.high;
  return above_low && below_high;
}

}  // namespace text
