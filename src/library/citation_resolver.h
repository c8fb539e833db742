#pragma once
// Citations of library articles, as people write them and as imported files give them, turned
// into articles that exist in the library: "khoản 2 Điều 5 Luật Cư trú", "Điều 8 BLLĐ",
// "Điều 3 Nghị định 100/2019/NĐ-CP", or a file's {"law_id", "article_id"}. A citation that names
// nothing in the library is an error, never a dangling link. Used by consultation (experts'
// answers, imported Q&A archives) and by the question banks of contests and courses.
#include "core/error.h"
#include "db/database.h"
#include "library/article_citation.h"
#include "library/citation_links.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace library {


// One citation per non-empty line of `lines`; every line must resolve. Duplicates are dropped.
core::Result<std::vector<ArticleCitation>> resolve_citations(const std::string& lines, const LinkTable& table, db::Connection& c);

// The same document and article (and clause, when given) exists; fills the labels.
bool complete_citation(ArticleCitation& citation, db::Connection& c);

// The library document an imported file's law_id names ("91/2015/QH13", "Luật Cư trú"): the same
// identity as the library gives it (normalised số hiệu, else the source id), else the same số
// hiệu or source id as written. Answers are cached for the lookup's life (one import).
class DocumentLookup {
 public:
  explicit DocumentLookup(db::Connection& c) : c_(c) {}
  std::optional<std::int64_t> find(const std::string& law_id);

 private:
  db::Connection& c_;
  std::map<std::string, std::optional<std::int64_t>> cache_;
};

}  // namespace library
