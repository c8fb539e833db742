#include "learning/bank_repository.h"

#include "core/strings.h"
#include "db/rows.h"
#include "db/where.h"

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
  insert_parts(id, q);
  return id;
}

void BankRepository::insert_parts(std::int64_t id, const BankQuestion& q) {
  for (std::size_t i = 0; i < q.choices.size(); ++i)
    c_.execute("INSERT INTO bank_choices (question_id, position, label, text, correct) VALUES (?, ?, ?, ?, ?)",
               {id, static_cast<std::int64_t>(i), q.choices[i].label, q.choices[i].text, std::int64_t(q.choices[i].correct)});
  for (const auto& a : q.articles)
    c_.execute(
        "INSERT INTO bank_question_articles (question_id, document_id, article, clause) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        {id, a.document_id, a.article, a.clause});
}

std::vector<std::pair<std::string, std::string>> BankRepository::fields() {
  return db::map_rows(c_.query("SELECT slug, name FROM legal_fields ORDER BY position, name"),
                      [](const db::Row& r) { return std::pair{r.text(0), r.text(1)}; });
}

void BankRepository::update(const BankQuestion& q, std::int64_t now) {
  c_.execute("UPDATE bank_questions SET kind = ?, text = ?, explanation = ?, field_slug = ?, law = ?, difficulty = ?, tags = ?, "
             "status = ?, review_note = ?, updated_at = ? WHERE id = ?",
             {std::string(kind_slug(q.kind)), q.text, q.explanation, db::text_or_null(q.field_slug), q.law, std::int64_t(q.difficulty),
              join_tags(q.tags), std::string(status_slug(q.status)), q.review_note, now, q.id});
  c_.execute("DELETE FROM bank_choices WHERE question_id = ?", {q.id});
  c_.execute("DELETE FROM bank_question_articles WHERE question_id = ?", {q.id});
  insert_parts(q.id, q);
}

void BankRepository::set_status(std::int64_t id, BankStatus status, const std::string& review_note, std::int64_t now) {
  c_.execute("UPDATE bank_questions SET status = ?, review_note = ?, updated_at = ? WHERE id = ?",
             {std::string(status_slug(status)), review_note, now, id});
}

bool BankRepository::used_in_attempts(std::int64_t id) {
  return c_.query_one("SELECT 1 FROM attempt_questions WHERE question_id = ? LIMIT 1", {id}).has_value();
}

namespace {
// A LIKE pattern matching `s` anywhere, its own % and _ taken literally (ESCAPE '!').
std::string contains_pattern(const std::string& s) {
  std::string out = "%";
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '!') out += '!';
    out += ch;
  }
  return out + "%";
}

// The WHERE clause of a back-office list: its status, and words of its text as typed.
std::string list_filter(const BankQuery& q, db::Params& params) {
  db::Where where(params);
  if (q.status) where.add("status = ?", std::string(status_slug(*q.status)));
  if (!q.text.empty()) where.add("text LIKE ? ESCAPE '!'", contains_pattern(q.text));
  return where.sql();
}
}  // namespace

std::vector<BankListItem> BankRepository::list(const BankQuery& q) {
  db::Params params;
  std::string sql = "SELECT id, kind, text, status, law, difficulty, updated_at FROM bank_questions " + list_filter(q, params) +
                    " ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?";
  params.push_back(static_cast<std::int64_t>(q.limit));
  params.push_back(static_cast<std::int64_t>(q.offset));
  return db::map_rows(c_.query(sql, params), [](const db::Row& r) {
    BankListItem item;
    std::string kind, status;
    db::read_row(r, item.id, kind, item.text, status, item.law, item.difficulty, item.updated_at);
    item.kind = parse_kind(kind).value_or(QuestionKind::single);
    item.status = parse_status(status).value_or(BankStatus::draft);
    return item;
  });
}

std::int64_t BankRepository::count(const BankQuery& q) {
  db::Params params;
  return c_.query_int("SELECT COUNT(*) FROM bank_questions " + list_filter(q, params), params);
}

std::optional<BankQuestion> BankRepository::find(std::int64_t id) {
  auto row = c_.query_one(
      "SELECT kind, text, explanation, COALESCE(field_slug, ''), law, difficulty, tags, status, review_note, COALESCE(source_ref, ''), "
      "updated_at "
      "FROM bank_questions WHERE id = ?",
      {id});
  if (!row) return std::nullopt;
  BankQuestion q;
  q.id = id;
  std::string kind, tags, status;
  db::read_row(*row, kind, q.text, q.explanation, q.field_slug, q.law, q.difficulty, tags, status, q.review_note, q.source_ref,
               q.updated_at);
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

}  // namespace learning
