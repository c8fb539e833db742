#include "consult/citation_resolver.h"

#include "core/strings.h"
#include "core/utf8.h"
#include "text/citation.h"

#include <fmt/format.h>

namespace consult {

bool complete_citation(QuestionCitation& ci, db::Connection& c) {
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

core::Result<std::vector<QuestionCitation>> resolve_citations(const std::string& lines, const library::LinkTable& table,
                                                      db::Connection& c) {
  std::vector<QuestionCitation> out;
  for (const auto& line : core::split_clean(lines, '\n')) {
    auto parsed = text::parse_citation(line);
    if (!parsed || parsed->article.empty() || !parsed->document)
      return core::fail(core::ServiceError::invalid(
          fmt::format("Không hiểu trích dẫn «{}». Hãy ghi rõ điều và văn bản, ví dụ: khoản 2 Điều 5 Luật Cư trú.", line),
          {{"citations", "Có trích dẫn không hợp lệ."}}));
    auto slug = library::document_slug(*parsed->document, table, "");
    QuestionCitation ci;
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

std::string citation_label(const QuestionCitation& c) {
  std::string s;
  if (!c.clause.empty()) s += "khoản " + c.clause + " ";
  s += "Điều " + c.article + " " + c.document_title;
  if (!c.document_number.empty() && c.document_title.find(c.document_number) == std::string::npos)
    s += " (" + c.document_number + ")";
  return s;
}

}  // namespace consult
