#pragma once
// Legal documents shaped for templates and the JSON API, and article text rendered to HTML with
// clause anchors and citation links.
#include "library/library_service.h"

#include <nlohmann/json.hpp>

namespace library {

std::string document_url(const Document& d);
std::string article_url(const Document& d, const std::string& anchor);

nlohmann::json document_summary(const Document& d);
// Metadata plus the structure tree (for the API) — articles with their text and clauses.
nlohmann::json document_detail(const Document& d, const std::vector<StoredNode>& nodes);

// HTML for an article's text: one paragraph a line, ids on clause and point lines
// ("khoan-2", "khoan-2-diem-a", prefixed by `id_prefix`), citations linked when what they cite
// is in the library (`links` of the document `slug`).
std::string article_html(const StoredNode& article, const std::vector<const StoredNode*>& parts, const std::string& id_prefix,
                         const LinkTable& links, const std::string& slug);

// Nodes as a nested table of contents.
nlohmann::json table_of_contents(const Document& d, const std::vector<StoredNode>& nodes);

}  // namespace library
