#include "search/snippet.h"

#include "http/message.h"
#include "text/vietnamese.h"

#include <vector>

namespace search {

namespace {

// Escaped text with the spaces of line breaks collapsed: a snippet is one paragraph.
void append_plain(std::string& out, std::string_view s) {
  std::string flat;
  flat.reserve(s.size());
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && !flat.empty() && flat.back() == ' ') continue;
    flat += c;
  }
  out += http::html_escape(flat);
}

std::string render(std::string_view s, const std::vector<text::Token>& toks, std::size_t from, std::size_t to,
                   const std::vector<char>& marked) {
  std::string out;
  if (from >= to) return out;
  if (from > 0) out += "… ";
  std::size_t pos = toks[from].begin;
  for (std::size_t i = from; i < to; ++i) {
    if (!marked[i]) continue;
    // A run of marked words separated only by blanks becomes one <mark>.
    std::size_t j = i;
    while (j + 1 < to && marked[j + 1] && toks[j + 1].joined) ++j;
    append_plain(out, s.substr(pos, toks[i].begin - pos));
    out += "<mark>";
    append_plain(out, s.substr(toks[i].begin, toks[j].end - toks[i].begin));
    out += "</mark>";
    pos = toks[j].end;
    i = j;
  }
  std::size_t end = toks[to - 1].end;
  // Keep the punctuation that closes the last word ("...dân sự." rather than "...dân sự").
  while (end < s.size() && (s[end] == '.' || s[end] == ',' || s[end] == ';' || s[end] == ')' || s[end] == ':')) ++end;
  append_plain(out, s.substr(pos, end - pos));
  if (to < toks.size()) out += " …";
  return out;
}

}  // namespace

std::string make_snippet(std::string_view title, std::string_view text,
                         const std::unordered_map<std::string, double>& weights, std::string_view clause,
                         std::size_t max_tokens) {
  auto toks = text::tokenize(text);
  std::vector<double> w(toks.size(), 0.0);
  std::vector<char> marked(toks.size(), 0);
  for (std::size_t i = 0; i < toks.size(); ++i) {
    auto it = weights.find(toks[i].folded);
    if (it != weights.end()) {
      w[i] = it->second;
      marked[i] = 1;
    }
  }
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
      while (start < toks.size() && toks[start].begin < line) ++start;
    if (start >= toks.size()) start = 0;
  } else if (!toks.empty()) {
    // The window with the most query weight; a word counts fully once, a little when repeated.
    std::unordered_map<std::string_view, int> count;
    double sum = 0, best = 0;
    std::size_t lo = 0;
    auto gain = [&](std::size_t i, int n) { return n == 1 ? w[i] : w[i] * 0.1; };
    for (std::size_t hi = 0; hi < toks.size(); ++hi) {
      if (marked[hi]) sum += gain(hi, ++count[toks[hi].folded]);
      if (hi - lo + 1 > max_tokens) {
        if (marked[lo]) sum -= gain(lo, count[toks[lo].folded]--);
        ++lo;
      }
      if (sum > best + 1e-9) {
        best = sum;
        start = lo;
      }
    }
    // Start a little before the first match so that it reads as a sentence.
    std::size_t first = start;
    while (first < toks.size() && !marked[first]) ++first;
    if (best > 0 && first < toks.size()) start = first > start + 4 ? first - 4 : start;
    if (best == 0) {
      // Nothing in the body: the title may hold the match.
      auto ttoks = text::tokenize(title);
      std::vector<char> tm(ttoks.size(), 0);
      bool any = false;
      for (std::size_t i = 0; i < ttoks.size(); ++i) any |= (tm[i] = weights.count(ttoks[i].folded) ? 1 : 0);
      if (any) return render(title, ttoks, 0, ttoks.size(), tm);
      start = 0;
    }
  }
  if (toks.empty()) {
    auto ttoks = text::tokenize(title);
    std::vector<char> tm(ttoks.size(), 0);
    for (std::size_t i = 0; i < ttoks.size(); ++i) tm[i] = weights.count(ttoks[i].folded) ? 1 : 0;
    return render(title, ttoks, 0, ttoks.size(), tm);
  }
  if (start + max_tokens > toks.size()) start = toks.size() > max_tokens ? toks.size() - max_tokens : 0;
  return render(text, toks, start, std::min(toks.size(), start + max_tokens), marked);
}

}  // namespace search
