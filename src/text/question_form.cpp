#include "text/question_form.h"

#include "text/texting.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace text {

namespace {

// A clause's folded words (a question's are read in question_form, texting spelled out).
std::vector<std::string> folded_words(std::string_view clause) {
  std::vector<std::string> out;
  for (const auto& t : text::tokenize(text::normalize(clause))) out.push_back(t.folded);
  return out;
}

bool starts_with_digit(const std::string& w) { return !w.empty() && std::isdigit(static_cast<unsigned char>(w.front())); }

// Whether `words` holds the folded phrase `phrase` ("bao nhieu").
bool has_phrase(const std::vector<std::string>& words, std::initializer_list<std::string_view> phrase) {
  if (words.size() < phrase.size()) return false;
  for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i)
    if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  return false;
}

}  // namespace

namespace {
// Written as questions write them; matched folded when the word comes without diacritics.
constexpr std::array<std::string_view, 30> kQuestionWords = {
    "là",  "gì",    "nào", "thế", "bao", "nhiêu", "hay", "đúng", "sai", "ai",    "sao",  "như",   "có", "không", "được",
    "tôi", "em",    "mình", "vậy", "ạ",  "của",   "và",  "các",  "những", "theo", "thì", "trong", "khi", "để", "với"};
// Question words only as written: folded they are also words of the law ("máy", "đầu", "đau").
constexpr std::array<std::string_view, 2> kWrittenOnly = {"mấy", "đâu"};

const std::vector<std::string>& folded_question_words() {
  static const std::vector<std::string> folded = [] {
    std::vector<std::string> out;
    for (auto w : kQuestionWords) out.push_back(fold(w));
    return out;
  }();
  return folded;
}

template <std::size_t N>
bool among(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}
}  // namespace

bool is_question_word(std::string_view folded_word) {
  const auto& words = folded_question_words();
  return std::find(words.begin(), words.end(), folded_word) != words.end();
}

bool is_question_word_as_written(std::string_view lower_word) {
  if (!has_diacritics(lower_word)) return is_question_word(lower_word);
  return among(kQuestionWords, lower_word) || among(kWrittenOnly, lower_word);
}

bool asks_what_it_says(std::string_view w) {
  static constexpr auto kWords = std::to_array<std::string_view>({"quy", "dinh", "noi", "ve", "dung", "la", "gi", "cai", "nhung", "nhu",
                                                                  "the", "nao", "ra", "sao", "cua", "theo", "a", "vay", "hoi", "xin",
                                                                  "cho", "toi", "minh", "em", "giup", "ban", "oi", "ad"});
  return among(kWords, w);
}

bool is_quantity_unit(std::string_view w) { return std::find(kQuantityUnits.begin(), kQuantityUnits.end(), w) != kQuantityUnits.end(); }

QuestionForm question_form(std::string_view question) {
  std::vector<std::string> folded, lower;
  for (const auto& t : text::tokenize(text::expand_texting(text::normalize(question)))) {
    folded.push_back(t.folded);
    lower.push_back(t.lower);
  }
  QuestionForm f = question_form_of_words(folded);
  f.asks_fine = asks_fine(folded, lower);
  return f;
}

bool asks_fine(const std::vector<std::string>& w, const std::vector<std::string>& lower) {
  if (w.size() != lower.size()) return false;
  // Crime: the Criminal Code's penalties, not a fine.
  for (auto crime : {std::initializer_list<std::string_view>{"pham", "toi"}, {"hinh", "su"}, {"phat", "tu"}, {"di", "tu"}, {"ngoi", "tu"},
                     {"bo", "tu"}, {"hinh", "phat"}, {"truy", "cuu"}, {"an", "treo"}, {"tu", "treo"}, {"cai", "tao"}})
    if (has_phrase(w, crime)) return false;
  if (std::find(lower.begin(), lower.end(), "tội") != lower.end() || std::find(lower.begin(), lower.end(), "tù") != lower.end()) return false;
  // A contract's penalty ("phạt cọc", "thỏa thuận phạt vi phạm"), not the state's ("xử phạt vi phạm
  // hành chính", "bị phạt vi phạm hành chính").
  if (has_phrase(w, {"phat", "coc"})) return false;
  for (std::size_t i = 0; i + 2 < w.size(); ++i)
    if (w[i] == "phat" && w[i + 1] == "vi" && w[i + 2] == "pham" && !(i > 0 && w[i - 1] == "xu") &&
        !(i + 4 < w.size() && w[i + 3] == "hanh" && w[i + 4] == "chinh"))
      return false;
  // Words beside "phạt" that make it a fine when it is typed without diacritics.
  static constexpr auto kBefore = std::to_array<std::string_view>({"bi", "xu", "muc", "nop", "dong", "tien", "khung", "phat"});
  // After it, a word or pair of them ("phat tien", "phat bao nhieu", "phat the nao", "phat hanh
  // chinh"): "the" alone is also "thẻ" (phát thẻ, issue a card), "hanh" alone "hành" (phát hành).
  const auto fine_after = [&](std::size_t i) {
    const auto at = [&](std::size_t k) { return k < w.size() ? std::string_view(w[k]) : std::string_view(); };
    static constexpr auto kOne = std::to_array<std::string_view>({"tien", "bao", "gi", "nang", "nguoi", "vi"});
    return among(kOne, at(i + 1)) || (at(i + 1) == "the" && at(i + 2) == "nao") || (at(i + 1) == "nhu" && at(i + 2) == "the") ||
           (at(i + 1) == "hanh" && at(i + 2) == "chinh");
  };
  // Words after "phat" that make it "phát" (find, develop, issue, spread).
  static constexpr auto kNotFine = std::to_array<std::string_view>({"hien", "trien", "sinh", "tan", "song", "ngon", "bieu", "dong", "hanh", "the"});
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] != "phat") continue;
    if (has_diacritics(lower[i])) {
      if (lower[i] == "phạt") return true;
      continue;
    }
    if (fine_after(i)) return true;
    const bool not_fine = i + 1 < w.size() && among(kNotFine, w[i + 1]);
    if (!not_fine && i > 0 && among(kBefore, w[i - 1])) return true;
  }
  return false;
}

QuestionForm question_form_of_words(const std::vector<std::string>& w) {
  QuestionForm f;
  f.asks_quantity = has_phrase(w, {"bao", "nhieu"}) || has_phrase(w, {"bao", "lau"}) || has_phrase(w, {"toi", "da"}) ||
                    has_phrase(w, {"toi", "thieu"}) || has_phrase(w, {"muc", "phat"}) || has_phrase(w, {"phan", "tram"});
  for (std::size_t i = 0; i + 1 < w.size() && !f.asks_quantity; ++i) f.asks_quantity = w[i] == "may" && is_quantity_unit(w[i + 1]);
  f.asks_permission = has_phrase(w, {"co", "duoc"}) || has_phrase(w, {"duoc", "khong"}) || has_phrase(w, {"co", "phai"}) ||
                      has_phrase(w, {"co", "quyen"}) || has_phrase(w, {"bat", "buoc"}) || has_phrase(w, {"co", "can"}) ||
                      has_phrase(w, {"hop", "phap", "khong"}) || has_phrase(w, {"co", "sao", "khong"});
  return f;
}

bool states_quantity(std::string_view clause) {
  for (auto pct = clause.find('%'); pct != std::string_view::npos; pct = clause.find('%', pct + 1)) {
    auto before = clause.find_last_not_of(' ', pct == 0 ? 0 : pct - 1);
    if (pct > 0 && before != std::string_view::npos && std::isdigit(static_cast<unsigned char>(clause[before]))) return true;  // "50%"
  }
  const auto w = folded_words(clause);
  for (std::size_t i = 1; i + 1 < w.size(); ++i)  // from 1: a clause starts with its own number ("2. Năm …")
    if (starts_with_digit(w[i]) && is_quantity_unit(w[i + 1])) return true;
  return false;
}

bool states_permission(std::string_view clause) {
  const auto w = folded_words(clause);
  return has_phrase(w, {"duoc"}) || has_phrase(w, {"co", "quyen"}) || has_phrase(w, {"phai"}) || has_phrase(w, {"nghiem", "cam"}) ||
         has_phrase(w, {"cam"});
}

}  // namespace text
