#include "learning/bank_repository.h"

#include "core/strings.h"
#include "db/rows.h"

namespace learning {

namespace {
// Tags never hold a comma (split_clean made them), so a comma separates them in the column.
std::string join_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? "" : ",") + t;
  return out;
}
}  // namespace

bool BankRepository::source_ref_taken(const std::string& source_ref) {
  return c_.query_one("SELECT 1 FROM bank_questions WHERE source_ref = ?", {source_ref}).has_value();
}

bool BankRepository::field_exists(const std::string& slug) {
  return c_.query_one("SELECT 1 FROM legal_fields WHERE slug = ?", {slug}).has_value();
}

std::int64_t BankRepository::insert(const BankQuestion& q, std::optional<std::int64_t> created_by, std::int64_t now) {
  const std::int64_t id = c_.query_int(
      "INSERT INTO bank_questions (kind, text, explanation, field_slug, law, difficulty, tags, status, review_note, source_ref, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {std::string(kind_slug(q.kind)), q.text, q.explanation, db::text_or_null(q.field_slug),
       q.law, std::int64_t(q.difficulty), join_tags(q.tags), std::string(status_slug(q.status)), q.review_note,
       db::text_or_null(q.source_ref), db::opt(created_by), now, now});
  for (std::size_t i = 0; i < q.choices.size(); ++i)
    c_.execute("INSERT INTO bank_choices (question_id, position, label, text, correct) VALUES (?, ?, ?, ?, ?)",
               {id, static_cast<std::int64_t>(i), q.choices[i].label, q.choices[i].text, std::int64_t(q.choices[i].correct)});
  for (const auto& a : q.articles)
    c_.execute(
        "INSERT INTO bank_question_articles (question_id, document_id, article, clause) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        {id, a.document_id, a.article, a.clause});
  return id;
}

std::optional<BankQuestion> BankRepository::find(std::int64_t id) {
  auto row = c_.query_one(
      "SELECT kind, text, explanation, COALESCE(field_slug, ''), law, difficulty, tags, status, review_note, COALESCE(source_ref, '') "
      "FROM bank_questions WHERE id = ?",
      {id});
  if (!row) return std::nullopt;
  BankQuestion q;
  q.id = id;
  std::string kind, tags, status;
  db::read_row(*row, kind, q.text, q.explanation, q.field_slug, q.law, q.difficulty, tags, status, q.review_note, q.source_ref);
  q.kind = parse_kind(kind).value_or(QuestionKind::single);
  q.status = parse_status(status).value_or(BankStatus::draft);
  q.tags = core::split_clean(tags, ',');
  q.choices = db::map_rows(c_.query("SELECT label, text, correct FROM bank_choices WHERE question_id = ? ORDER BY position", {id}),
                           [](const db::Row& r) {
                             Choice c;
                             db::read_row(r, c.label, c.text, c.correct);
                             return c;
                           });
  q.articles = db::map_rows(
      c_.query("SELECT a.document_id, a.article, a.clause, d.title, d.number, d.slug, d.status FROM bank_question_articles a "
               "JOIN legal_documents d ON d.id = a.document_id WHERE a.question_id = ? ORDER BY d.title, a.article",
               {id}),
      [](const db::Row& r) {
        library::ArticleCitation a;
        db::read_row(r, a.document_id, a.article, a.clause, a.document_title, a.document_number, a.document_slug, a.validity);
        return a;
      });
  return q;
}

std::int64_t BankRepository::count(std::optional<BankStatus> status) {
  if (!status) return c_.query_int("SELECT COUNT(*) FROM bank_questions");
  return c_.query_int("SELECT COUNT(*) FROM bank_questions WHERE status = ?", {std::string(status_slug(*status))});
}

}  // namespace learning
