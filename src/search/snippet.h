#pragma once
// Internal to search/: the excerpt shown under a hit.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace search {

// A word of a passage field: its byte range, which query word it is (-1: none) and that word's weight.
struct SnippetWord {
  std::uint32_t begin = 0, end = 0;
  std::int32_t query_word = -1;
  double weight = 0;
};

// HTML-escaped excerpt of about `max_words` words of `text` around the densest cluster of query
// words (or of `title` when only the title has them), query words wrapped in <mark>…</mark>.
// With `clause` ("2"), the excerpt starts at the line of that clause.
std::string render_snippet(std::string_view title, const std::vector<SnippetWord>& title_words, std::string_view text,
                           const std::vector<SnippetWord>& text_words, std::string_view clause = {},
                           std::size_t max_words = 32);

// The same from raw text: `weights` maps query words to their weight, by lower-case form when
// `exact`, else by folded form.
std::string make_snippet(std::string_view title, std::string_view text,
                         const std::unordered_map<std::string, double>& weights, bool exact,
                         std::string_view clause = {}, std::size_t max_words = 32);

}  // namespace search
