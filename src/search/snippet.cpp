#include "search/snippet.h"
#include "core/html.h"

#include "text/vietnamese.h"

#include <algorithm>

namespace search {

namespace {

// Escaped text with line breaks and runs of blanks flattened: a snippet is one paragraph.
void append_plain(std::string& out, std::string_view s) {
  std::string flat;
  flat.reserve(s.size());
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && !flat.empty() && flat.back() == ' ') continue;
    flat += c;
  }
  out += core::html_escape(flat);
}

bool only_blanks(std::string_view s, std::uint32_t from, std::uint32_t to) {
  for (auto b = from; b < to; ++b)
    if (s[b] != ' ') return false;
  return true;
}

std::string render(std::string_view s, const std::vector<SnippetWord>& w, std::size_t from, std::size_t to) {
  std::string out;
  if (from >= to) return out;
  if (from > 0) out += "… ";
  std::size_t pos = w[from].begin;
  for (std::size_t i = from; i < to; ++i) {
    if (w[i].weight <= 0) continue;
    // A run of marked words separated only by blanks becomes one <mark>.
    std::size_t j = i;
    while (j + 1 < to && w[j + 1].weight > 0 && only_blanks(s, w[j].end, w[j + 1].begin)) ++j;
    append_plain(out, s.substr(pos, w[i].begin - pos));
    out += "<mark>";
    append_plain(out, s.substr(w[i].begin, w[j].end - w[i].begin));
    out += "</mark>";
    pos = w[j].end;
    i = j;
  }
  std::size_t end = w[to - 1].end;
  // Keep the punctuation that closes the last word ("...dân sự." rather than "...dân sự").
  while (end < s.size() && (s[end] == '.' || s[end] == ',' || s[end] == ';' || s[end] == ')' || s[end] == ':')) ++end;
  append_plain(out, s.substr(pos, end - pos));
  if (to < w.size()) out += " …";
  return out;
}

bool sentence_start(std::string_view s, const std::vector<SnippetWord>& w, std::size_t k) {
  if (k == 0) return true;
  for (auto b = w[k - 1].end; b < w[k].begin; ++b)
    if (s[b] == '\n' || s[b] == '.' || s[b] == ';' || s[b] == ':') return true;
  return false;
}

}  // namespace

std::string render_snippet(std::string_view title, const std::vector<SnippetWord>& title_words, std::string_view text,
                           const std::vector<SnippetWord>& w, std::string_view clause, std::size_t max_words) {
  if (w.empty()) return render(title, title_words, 0, title_words.size());
  std::size_t start = 0;
  if (!clause.empty()) {
    // The line that starts with "2." (the cited clause).
    std::string head = std::string(clause) + ".";
    std::size_t line = 0;
    while (line < text.size()) {
      if (text.substr(line, head.size()) == head) break;
      auto nl = text.find('\n', line);
      line = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    if (line < text.size())
      while (start < w.size() && w[start].begin < line) ++start;
    if (start >= w.size()) start = 0;
  } else {
    // The window with the most query weight; a word counts fully once, a little when repeated.
    std::int32_t words = 0;
    for (const auto& x : w) words = std::max(words, x.query_word + 1);
    std::vector<int> count(static_cast<std::size_t>(words), 0);
    double sum = 0, best = 0;
    std::size_t lo = 0;
    auto gain = [](double weight, int n) { return n == 1 ? weight : weight * 0.1; };
    for (std::size_t hi = 0; hi < w.size(); ++hi) {
      if (w[hi].query_word >= 0) sum += gain(w[hi].weight, ++count[w[hi].query_word]);
      if (hi - lo + 1 > max_words) {
        if (w[lo].query_word >= 0) sum -= gain(w[lo].weight, count[w[lo].query_word]--);
        ++lo;
      }
      if (sum > best + 1e-9) {
        best = sum;
        start = lo;
      }
    }
    if (best == 0) {
      // Nothing in the body: the title may hold the match.
      for (const auto& t : title_words)
        if (t.weight > 0) return render(title, title_words, 0, title_words.size());
      start = 0;
    } else {
      // Start where the sentence or clause of the first match starts, if it is near; otherwise
      // a few words before the match.
      std::size_t first = start;
      while (first < w.size() && w[first].weight <= 0) ++first;
      std::size_t k = first;
      while (k > 0 && first - k < 10 && !sentence_start(text, w, k)) --k;
      start = sentence_start(text, w, k) ? k : (first > 3 ? first - 3 : 0);
    }
  }
  if (start + max_words > w.size()) start = w.size() > max_words ? w.size() - max_words : 0;
  return render(text, w, start, std::min(w.size(), start + max_words));
}

std::string make_snippet(std::string_view title, std::string_view text,
                         const std::unordered_map<std::string, double>& weights, bool exact,
                         std::string_view clause, std::size_t max_words) {
  std::unordered_map<std::string_view, std::int32_t> index;
  for (const auto& [k, v] : weights) index.emplace(k, static_cast<std::int32_t>(index.size()));
  auto words = [&](std::string_view s) {
    std::vector<SnippetWord> out;
    for (const auto& t : text::tokenize(s)) {
      auto it = weights.find(exact ? t.lower : t.folded);
      if (it == weights.end() || it->second <= 0) out.push_back({t.begin, t.end, -1, 0.0});
      else out.push_back({t.begin, t.end, index[it->first], it->second});
    }
    return out;
  };
  return render_snippet(title, words(title), text, words(text), clause, max_words);
}

}  // namespace search
