#pragma once
// One law, one document: whether a document that arrives from one source is a law the library
// already holds from another (the Civil Code as "Bộ luật dân sự" from a corpus without số hiệu,
// and as 91/2015/QH13 from the codes; the Penal Code as its consolidated text 01/VBHN-VPQH and as
// 100/2015/QH13). Twins have the same title once the year is set aside, no conflicting year, and
// mostly identical article texts. Pure.
#include "library/model.h"

#include <map>
#include <optional>
#include <string>

namespace library {

// Article number → text, as one source holds a document.
using ArticleTexts = std::map<std::string, std::string>;

// The articles of a parsed tree (in parts, chapters and sections too).
ArticleTexts article_texts(const std::vector<Node>& tree);

// The title folded without its year: "Bộ luật Dân sự 2015", "Bộ luật dân sự năm 2015" and
// "BO LUAT DAN SU" all give "bo luat dan su".
std::string twin_title_key(const std::string& title);
// The year of the title, of the số hiệu ("91/2015/QH13") or of the issue date, if any.
std::optional<int> document_year(const DocumentMeta& meta);

struct TwinSide {
  const DocumentMeta& meta;
  const ArticleTexts& articles;
};

// Which copy of a law names it best: 2 with its own số hiệu, 1 with the số hiệu of a
// consolidated text (văn bản hợp nhất, "01/VBHN-VPQH"), 0 with none. Twins have different ranks
// (documents with the same số hiệu are one already); the higher rank names the document.
int number_rank(const DocumentMeta& meta);

// Whether a title says nothing but the số hiệu (corpora that name laws by number only).
bool title_is_number(const DocumentMeta& meta);

// Different number ranks, the same title key (unless one side's title is only its số hiệu), no
// conflicting year, and at least 70% of the articles of the smaller side (at least 3 articles) found with nearly the same
// text (word sets 90% alike) under the same number in the other.
bool same_law(const TwinSide& a, const TwinSide& b);

}  // namespace library
