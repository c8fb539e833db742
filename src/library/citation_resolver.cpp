#include "library/citation_resolver.h"

#include "core/strings.h"
#include "core/utf8.h"
#include "library/document_numbers.h"
#include "library/library_service.h"
#include "text/citation.h"

#include <fmt/format.h>

namespace library {

bool complete_citation(ArticleCitation& ci, db::Connection& c) {
  auto doc = c.query_one("SELECT title, number, slug, status FROM legal_documents WHERE id = ?", {ci.document_id});
  if (!doc) return false;
  auto article = c.query_one("SELECT id FROM legal_nodes WHERE document_id = ? AND kind = 'dieu' AND number = ?",
                             {ci.document_id, ci.article});
  if (!article) return false;
  if (!ci.clause.empty() &&
      !c.query_one("SELECT 1 FROM legal_nodes WHERE parent_id = ? AND kind = 'khoan' AND number = ?",
                   {article->int64(0), ci.clause}))
    return false;
  ci.document_title = doc->text(0);
  ci.document_number = doc->text(1);
  ci.document_slug = doc->text(2);
  ci.validity = doc->text(3);
  return true;
}

core::Result<std::vector<ArticleCitation>> resolve_citations(const std::string& lines, const LinkTable& table,
                                                      db::Connection& c) {
  std::vector<ArticleCitation> out;
  for (const auto& line : core::split_clean(lines, '\n')) {
    auto parsed = text::parse_citation(line);
    if (!parsed || parsed->article.empty() || !parsed->document)
      return core::fail(core::ServiceError::invalid(
          fmt::format("Không hiểu trích dẫn «{}». Hãy ghi rõ điều và văn bản, ví dụ: khoản 2 Điều 5 Luật Cư trú.", line),
          {{"citations", "Có trích dẫn không hợp lệ."}}));
    auto slug = document_slug(*parsed->document, table, "");
    ArticleCitation ci;
    if (slug) {
      if (auto row = c.query_one("SELECT id FROM legal_documents WHERE slug = ?", {*slug})) ci.document_id = row->int64(0);
    }
    ci.article = parsed->article;
    ci.clause = parsed->clause;
    if (ci.document_id == 0 || !complete_citation(ci, c))
      return core::fail(core::ServiceError::invalid(
          fmt::format("Trích dẫn «{}» không có trong tủ sách pháp luật: kiểm tra lại số điều, khoản và tên văn bản.", line),
          {{"citations", "Có trích dẫn không tìm thấy trong tủ sách pháp luật."}}));
    bool seen = false;
    for (const auto& o : out) seen |= o.document_id == ci.document_id && o.article == ci.article && o.clause == ci.clause;
    if (!seen) out.push_back(std::move(ci));
  }
  return out;
}

std::optional<std::int64_t> DocumentLookup::find(const std::string& law_id) {
  if (auto it = cache_.find(law_id); it != cache_.end()) return it->second;
  DocumentMeta meta;
  meta.source_id = law_id;
  if (looks_like_number(law_id)) meta.number = law_id;
  auto identity = document_identity(meta);
  // A source merged into another document (one law, one document) names that document.
  auto row = c_.query_one(
      "SELECT id FROM legal_documents WHERE identity = ? OR number = ? OR source_id = ? "
      "OR id IN (SELECT document_id FROM legal_document_sources WHERE source_id = ?) "
      "ORDER BY CASE WHEN identity = ? THEN 0 WHEN number = ? THEN 1 ELSE 2 END, id LIMIT 1",
      {identity, law_id, law_id, law_id, identity, law_id});
  std::optional<std::int64_t> id;
  if (row) id = row->int64(0);
  cache_[law_id] = id;
  return id;
}

}  // namespace library
