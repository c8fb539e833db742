#include "library/twins.h"

#include "core/utf8.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace library {

namespace {

void collect(const std::vector<Node>& nodes, ArticleTexts& out) {
  for (const auto& n : nodes) {
    if (n.kind == NodeKind::article) out.emplace(n.number, n.title + "\n" + n.text);
    else collect(n.children, out);
  }
}

bool is_year(std::string_view word) {
  return word.size() == 4 && std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); }) &&
         (word.starts_with("19") || word.starts_with("20"));
}

bool nearly_same(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const auto wa = text::folded_word_set(a), wb = text::folded_word_set(b);
  return !wa.empty() && !wb.empty() && text::word_overlap(wa, wb) >= 0.9;
}

}  // namespace

ArticleTexts article_texts(const std::vector<Node>& tree) {
  ArticleTexts out;
  collect(tree, out);
  return out;
}

std::string twin_title_key(const std::string& title) {
  std::vector<std::string> words;
  for (const auto& t : text::tokenize(title)) {
    if (!is_year(t.folded)) words.push_back(t.folded);
    else if (!words.empty() && words.back() == "nam") words.pop_back();  // "… năm 2015"
  }
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::optional<int> document_year(const DocumentMeta& meta) {
  for (const auto& t : text::tokenize(meta.title))
    if (is_year(t.folded)) return std::stoi(t.folded);
  for (std::size_t slash = meta.number.find('/'); slash != std::string::npos; slash = meta.number.find('/', slash + 1))
    if (is_year(std::string_view(meta.number).substr(slash + 1, 4)) && (slash + 5 == meta.number.size() || meta.number[slash + 5] == '/'))
      return std::stoi(meta.number.substr(slash + 1, 4));
  if (meta.issued_on.size() >= 4 && is_year(std::string_view(meta.issued_on).substr(0, 4))) return std::stoi(meta.issued_on.substr(0, 4));
  return std::nullopt;
}

int number_rank(const DocumentMeta& meta) {
  if (meta.number.empty()) return 0;
  return text::title_key(meta.number).find("vbhn") != std::string::npos ? 1 : 2;
}

bool title_is_number(const DocumentMeta& meta) {
  return !meta.number.empty() && text::title_key(meta.title) == text::title_key(meta.number);
}

bool same_law(const TwinSide& a, const TwinSide& b) {
  if (a.meta.kind != ItemKind::document || b.meta.kind != ItemKind::document || number_rank(a.meta) == number_rank(b.meta)) return false;
  if (!title_is_number(a.meta) && !title_is_number(b.meta)) {
    const auto key = twin_title_key(a.meta.title);
    if (key.empty() || key != twin_title_key(b.meta.title)) return false;
  }
  const auto ya = document_year(a.meta), yb = document_year(b.meta);
  if (ya && yb && *ya != *yb) return false;
  const auto& smaller = a.articles.size() <= b.articles.size() ? a.articles : b.articles;
  const auto& larger = a.articles.size() <= b.articles.size() ? b.articles : a.articles;
  if (smaller.size() < 3) return false;
  std::size_t alike = 0;
  for (const auto& [number, text] : smaller)
    if (auto it = larger.find(number); it != larger.end() && nearly_same(text, it->second)) ++alike;
  return static_cast<double>(alike) >= 0.7 * static_cast<double>(smaller.size());
}

}  // namespace library
