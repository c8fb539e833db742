#pragma once
// Turns citations in legal text into links: "Điều 8 Bộ luật Lao động", "khoản 2 Điều này",
// "Nghị định số 100/2019/NĐ-CP" link to the cited document or article when it is in the library.
#include "text/citation.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace library {

struct TextLink {
  std::size_t begin = 0, end = 0;  // byte range in the line
  std::string url;
};

// What the library holds, for resolving citations (built from the database, shared read-only).
struct LinkTable {
  std::map<std::string, std::string> slug_by_number_key;  // text::document_number_key → slug
  std::map<std::string, std::string> slug_by_title_key;   // text::title_key of the title (with and without a trailing year)
  std::map<std::string, std::set<std::string>> articles;  // slug → article numbers ("8", "19a")
};

// The slug of the document a citation names, when the library holds it; `own` is the slug of
// the document the text is in, for "Luật này" ("" outside a document).
std::optional<std::string> document_slug(const text::DocumentRef& ref, const LinkTable& table, const std::string& own);

// Links in one line of text of the document `slug` (article `article_number`, "" outside articles).
std::vector<TextLink> find_links(std::string_view line, const LinkTable& table, const std::string& slug,
                                 const std::string& article_number);

}  // namespace library
