#pragma once
// Internal to search/: the excerpt shown under a hit.
#include <string>
#include <string_view>
#include <unordered_map>

namespace search {

// HTML-escaped excerpt of about `max_tokens` words of `text` (or of `title` when only the title
// matches), around the densest cluster of query words; query words (by folded form, with their
// weights) are wrapped in <mark>…</mark>. With `clause` ("2"), the excerpt starts at that clause.
std::string make_snippet(std::string_view title, std::string_view text,
                         const std::unordered_map<std::string, double>& weights, std::string_view clause = {},
                         std::size_t max_tokens = 32);

}  // namespace search
