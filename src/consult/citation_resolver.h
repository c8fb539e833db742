#pragma once
// Turns what an expert typed or picked ("khoản 2 Điều 5 Luật Cư trú", "Điều 8 BLLĐ",
// "Điều 3 Nghị định 100/2019/NĐ-CP") into citations of articles that exist in the library.
// A citation that names nothing in the library is an error, never a dangling link.
#include "consult/model.h"
#include "core/error.h"
#include "db/database.h"
#include "library/citation_links.h"

namespace consult {

// One citation per non-empty line of `lines`; every line must resolve. Duplicates are dropped.
core::Result<std::vector<QuestionCitation>> resolve_citations(const std::string& lines, const library::LinkTable& table,
                                                      db::Connection& c);

// The same document and article (and clause, when given) exists; fills the labels.
bool complete_citation(QuestionCitation& citation, db::Connection& c);

// "khoản 2 Điều 5 Luật Cư trú": how a citation is written back into the form and shown.
std::string citation_label(const QuestionCitation& c);

}  // namespace consult
