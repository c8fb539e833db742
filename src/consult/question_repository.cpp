#include "consult/question_repository.h"

#include "db/rows.h"
#include "db/where.h"


namespace consult {

namespace {

constexpr const char* kColumns =
    "q.id, q.code, q.title, q.body, q.field_slug, COALESCE(f.name, ''), q.email, q.phone, q.asker_user_id, "
    "q.publish_consent, q.source, q.status, q.status_reason, q.merged_into, q.expert_id, COALESCE(e.full_name, ''), "
    "q.answer, q.pending_reply, q.rating, q.public_title, q.public_body, q.public_answer, q.public_slug, q.due_at, q.assigned_at, q.answered_at, "
    "q.delivered_at, q.published_at, q.created_at, q.updated_at";
constexpr const char* kFrom =
    " FROM questions q LEFT JOIN legal_fields f ON f.slug = q.field_slug LEFT JOIN experts e ON e.id = q.expert_id ";

// "SELECT <every question column> FROM <questions with field and expert names> " + rest.
std::string select_questions(std::string_view rest) { return std::string("SELECT ") + kColumns + kFrom + std::string(rest); }

Question from_row(const db::Row& r) {
  Question q;
  std::string status;
  db::read_row(r, q.id, q.code, q.title, q.body, q.field_slug, q.field_name, q.email, q.phone, q.asker_user_id,
               q.publish_consent, q.source, status, q.status_reason, q.merged_into, q.expert_id, q.expert_name,
               q.answer, q.pending_reply, q.rating, q.public_title, q.public_body, q.public_answer, q.public_slug, q.due_at,
               q.assigned_at,
               q.answered_at, q.delivered_at, q.published_at, q.created_at, q.updated_at);
  q.status = parse_status(status).value_or(Status::fresh);
  return q;
}

LegalField field_from_row(const db::Row& r) { return {r.text(0), r.text(1), static_cast<int>(r.int64(2))}; }

std::string where_clause(const QuestionFilter& f, db::Params& p) {
  db::Where w(p);
  if (f.status) w.add("q.status = ?", std::string(status_slug(*f.status)));
  w.add_if("q.field_slug = ?", f.field_slug);
  w.add_if("q.expert_id = ?", f.expert_id);
  if (f.overdue_only)
    w.add("q.status IN ('new', 'triaged', 'assigned', 'follow-up') AND q.due_at IS NOT NULL AND q.due_at < ?", f.now);
  return " " + w.sql();
}

}  // namespace

std::int64_t QuestionRepository::insert(const Question& q, const std::string& token_hash, std::int64_t consented_at) {
  auto row = c_.query_one(
      "INSERT INTO questions (code, token_hash, title, body, field_slug, email, phone, asker_user_id, publish_consent, "
      "consented_at, source, status, answer, public_title, public_body, public_answer, public_slug, published_at, "
      "delivered_at, answered_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {q.code, token_hash, q.title, q.body, db::opt(q.field_slug), q.email, q.phone, db::opt(q.asker_user_id),
       std::int64_t{q.publish_consent ? 1 : 0}, consented_at, q.source, std::string(status_slug(q.status)), q.answer,
       q.public_title, q.public_body, q.public_answer, db::opt(q.public_slug), db::opt(q.published_at),
       db::opt(q.delivered_at), db::opt(q.answered_at), q.created_at, q.updated_at});
  return row->int64(0);
}

std::optional<Question> QuestionRepository::find(std::int64_t id) {
  return db::map_row(c_.query_one(select_questions("WHERE q.id = ?"), {id}), from_row);
}

std::optional<Question> QuestionRepository::find_by_code(const std::string& code) {
  return db::map_row(c_.query_one(select_questions("WHERE q.code = ?"), {code}), from_row);
}

std::optional<Question> QuestionRepository::find_published(const std::string& slug) {
  return db::map_row(c_.query_one(select_questions("WHERE q.public_slug = ?"), {slug}),
                     from_row);
}

QuestionView QuestionRepository::view(const Question& q) {
  QuestionView v;
  v.question = q;
  v.citations = citations(q.id, "answer");
  v.candidates = citations(q.id, "candidate");
  v.messages = messages(q.id);
  v.attachments = attachments(q.id);
  v.events = events(q.id);
  return v;
}

std::vector<Question> QuestionRepository::asked_by(std::int64_t user_id, std::size_t limit) {
  return db::map_rows(c_.query(select_questions("WHERE q.asker_user_id = ? ORDER BY q.id DESC LIMIT ?"),
                               {user_id, static_cast<std::int64_t>(limit)}),
                      from_row);
}

bool QuestionRepository::public_slug_taken(const std::string& slug, std::int64_t id) {
  return c_.query_one("SELECT 1 FROM questions WHERE public_slug = ? AND id <> ?", {slug, id}).has_value();
}

std::optional<std::string> QuestionRepository::token_hash(const std::string& code) {
  auto r = c_.query_one("SELECT token_hash FROM questions WHERE code = ?", {code});
  if (!r) return std::nullopt;
  return r->text(0);
}

std::vector<Question> QuestionRepository::list(const QuestionFilter& f) {
  db::Params p;
  std::string sql =
      select_questions(where_clause(f, p) + " ORDER BY COALESCE(q.due_at, q.created_at), q.id LIMIT ? OFFSET ?");
  p.emplace_back(static_cast<std::int64_t>(f.limit));
  p.emplace_back(static_cast<std::int64_t>(f.offset));
  return db::map_rows(c_.query(sql, p), from_row);
}

std::int64_t QuestionRepository::count(const QuestionFilter& f) {
  db::Params p;
  return c_.query_int(std::string("SELECT COUNT(*)") + kFrom + where_clause(f, p), p);
}

std::vector<PublishedCitations> QuestionRepository::published_citations(std::size_t limit) {
  std::vector<PublishedCitations> out;
  std::int64_t current = 0;
  for (const auto& r : c_.query("SELECT q.id, q.public_body, c.document_id, c.article FROM "
                                "(SELECT id, public_body, published_at FROM questions WHERE public_slug IS NOT NULL "
                                "ORDER BY published_at DESC, id DESC LIMIT ?) q "
                                "LEFT JOIN question_citations c ON c.question_id = q.id AND c.kind = 'answer' "
                                "ORDER BY q.published_at DESC, q.id DESC, c.position",
                                {static_cast<std::int64_t>(limit)})) {
    if (out.empty() || r.int64(0) != current) {
      current = r.int64(0);
      out.push_back({r.text(1), {}});
    }
    if (!r.is_null(2)) out.back().cited.push_back({r.int64(2), r.text(3)});
  }
  return out;
}

std::vector<Question> QuestionRepository::published(std::optional<std::string> field_slug, std::size_t limit,
                                                    std::size_t offset) {
  db::Params p;
  std::string sql = select_questions("WHERE q.public_slug IS NOT NULL");
  if (field_slug) {
    sql += " AND q.field_slug = ?";
    p.push_back(*field_slug);
  }
  sql += " ORDER BY q.published_at DESC, q.id DESC LIMIT ? OFFSET ?";
  p.push_back(static_cast<std::int64_t>(limit));
  p.push_back(static_cast<std::int64_t>(offset));
  return db::map_rows(c_.query(sql, p), from_row);
}

std::int64_t QuestionRepository::count_published(std::optional<std::string> field_slug) {
  if (field_slug)
    return c_.query_int("SELECT COUNT(*) FROM questions WHERE public_slug IS NOT NULL AND field_slug = ?", {*field_slug});
  return c_.query_int("SELECT COUNT(*) FROM questions WHERE public_slug IS NOT NULL");
}

std::vector<Question> QuestionRepository::all_published() {
  return db::map_rows(c_.query(select_questions("WHERE q.public_slug IS NOT NULL")), from_row);
}

void QuestionRepository::update(const Question& q) {
  c_.execute(
      "UPDATE questions SET title = ?, body = ?, field_slug = ?, email = ?, phone = ?, publish_consent = ?, status = ?, "
      "status_reason = ?, merged_into = ?, expert_id = ?, answer = ?, pending_reply = ?, rating = ?, public_title = ?, "
      "public_body = ?, public_answer = ?, public_slug = ?, due_at = ?, assigned_at = ?, answered_at = ?, delivered_at = ?, published_at = ?, updated_at = ? "
      "WHERE id = ?",
      {q.title, q.body, db::opt(q.field_slug), q.email, q.phone, std::int64_t{q.publish_consent ? 1 : 0},
       std::string(status_slug(q.status)), q.status_reason, db::opt(q.merged_into), db::opt(q.expert_id), q.answer,
       q.pending_reply, q.rating ? db::Value(std::int64_t{*q.rating}) : db::Value(db::Null{}), q.public_title, q.public_body,
       q.public_answer, db::opt(q.public_slug), db::opt(q.due_at), db::opt(q.assigned_at), db::opt(q.answered_at),
       db::opt(q.delivered_at), db::opt(q.published_at), q.updated_at, q.id});
}

void QuestionRepository::remove(std::int64_t id) {
  // Questions merged into this one keep their own record; only the link goes.
  c_.execute("UPDATE questions SET merged_into = NULL WHERE merged_into = ?", {id});
  c_.execute("DELETE FROM questions WHERE id = ?", {id});
}

void QuestionRepository::replace_citations(std::int64_t question_id, const std::string& kind,
                                           const std::vector<QuestionCitation>& citations) {
  c_.execute("DELETE FROM question_citations WHERE question_id = ? AND kind = ?", {question_id, kind});
  std::int64_t position = 0;
  for (const auto& ci : citations)
    c_.execute(
        "INSERT INTO question_citations (question_id, kind, document_id, article, clause, position) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {question_id, kind, ci.document_id, ci.article, ci.clause, position++});
}

std::vector<QuestionCitation> QuestionRepository::citations(std::int64_t question_id, const std::string& kind) {
  return db::map_rows(c_.query("SELECT c.document_id, c.article, c.clause, d.title, d.number, d.slug, d.status "
                               "FROM question_citations c JOIN legal_documents d ON d.id = c.document_id "
                               "WHERE c.question_id = ? AND c.kind = ? ORDER BY c.position",
                               {question_id, kind}),
                      [](const db::Row& r) {
                        return QuestionCitation{r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)};
                      });
}

void QuestionRepository::add_message(std::int64_t question_id, const std::string& author, const std::string& body,
                                     std::int64_t at) {
  c_.execute("INSERT INTO question_messages (question_id, author, body, created_at) VALUES (?, ?, ?, ?)",
             {question_id, author, body, at});
}

std::vector<Message> QuestionRepository::messages(std::int64_t question_id) {
  return db::map_rows(
      c_.query("SELECT author, body, created_at FROM question_messages WHERE question_id = ? ORDER BY id", {question_id}),
      [](const db::Row& r) { return Message{r.text(0), r.text(1), r.int64(2)}; });
}

void QuestionRepository::add_attachment(std::int64_t question_id, const Attachment& a, std::int64_t at) {
  c_.execute(
      "INSERT INTO question_attachments (question_id, display_name, stored_name, content_type, size, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {question_id, a.display_name, a.stored_name, a.content_type, a.size, at});
}

std::vector<Attachment> QuestionRepository::attachments(std::int64_t question_id) {
  return db::map_rows(c_.query("SELECT id, display_name, stored_name, content_type, size FROM question_attachments "
                               "WHERE question_id = ? ORDER BY id",
                               {question_id}),
                      [](const db::Row& r) { return Attachment{r.int64(0), r.text(1), r.text(2), r.text(3), r.int64(4)}; });
}

std::vector<std::string> QuestionRepository::attachment_names() {
  std::vector<std::string> out;
  for (const auto& r : c_.query("SELECT stored_name FROM question_attachments")) out.push_back(r.text(0));
  return out;
}

void QuestionRepository::add_event(std::int64_t question_id, std::optional<std::int64_t> user_id,
                                   const std::string& action, const std::string& detail, std::int64_t at) {
  c_.execute("INSERT INTO question_events (question_id, user_id, action, detail, created_at) VALUES (?, ?, ?, ?, ?)",
             {question_id, db::opt(user_id), action, detail, at});
}

std::vector<Event> QuestionRepository::events(std::int64_t question_id) {
  return db::map_rows(c_.query("SELECT ev.action, ev.detail, COALESCE(u.display_name, ''), ev.created_at "
                               "FROM question_events ev LEFT JOIN users u ON u.id = ev.user_id "
                               "WHERE ev.question_id = ? ORDER BY ev.id",
                               {question_id}),
                      [](const db::Row& r) { return Event{r.text(0), r.text(1), r.text(2), r.int64(3)}; });
}

std::vector<LegalField> QuestionRepository::fields() {
  return db::map_rows(c_.query("SELECT slug, name, answer_days FROM legal_fields ORDER BY position, name"), field_from_row);
}

std::optional<LegalField> QuestionRepository::field(const std::string& slug) {
  return db::map_row(c_.query_one("SELECT slug, name, answer_days FROM legal_fields WHERE slug = ?", {slug}),
                     field_from_row);
}

std::int64_t QuestionRepository::count_answered(std::int64_t from, std::int64_t to) {
  return c_.query_int("SELECT COUNT(*) FROM questions WHERE delivered_at >= ? AND delivered_at < ? AND source <> 'import'", {from, to});
}

}  // namespace consult
