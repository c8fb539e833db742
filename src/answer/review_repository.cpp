#include "answer/review_repository.h"

#include "db/rows.h"

namespace answer {

namespace {

constexpr const char* kSelect =
    "SELECT r.question, r.words, r.document_id, r.article, r.confidence, r.outcome, r.helpful, r.reason, r.month, r.missing, "
    "COALESCE(d.title, ''), COALESCE(d.fields, '') FROM answer_reviews r LEFT JOIN legal_documents d ON d.id = r.document_id ";

AnswerReview read(const db::Row& row) {
  AnswerReview r;
  std::optional<std::int64_t> helpful;
  db::read_row(row, r.question, r.words, r.document_id, r.article, r.confidence, r.outcome, helpful, r.reason, r.month, r.missing,
               r.document_title, r.fields);
  if (helpful) r.helpful = *helpful != 0;
  return r;
}

}  // namespace

void ReviewRepository::add(const AnswerReview& r, std::int64_t now) {
  c_.execute(
      "INSERT INTO answer_reviews (question, words, document_id, article, confidence, outcome, helpful, reason, month, missing, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.question, r.words, db::opt(r.document_id), r.article, r.confidence, r.outcome,
       r.helpful ? db::Value(std::int64_t{*r.helpful ? 1 : 0}) : db::Value(db::Null{}), r.reason, r.month, r.missing, now});
}

std::vector<AnswerReview> ReviewRepository::shortfalls(const std::string& from, const std::string& to, int limit) {
  return db::map_rows(c_.query(std::string(kSelect) +
                                   "WHERE r.month >= ? AND r.month <= ? AND (r.outcome <> 'answered' OR r.helpful = 0) "
                                   "ORDER BY r.created_at DESC, r.id DESC LIMIT ?",
                               {from, to, std::int64_t{limit}}),
                      read);
}

std::vector<ReviewTally> ReviewRepository::by_month(const std::string& from, const std::string& to) {
  return db::map_rows(
      c_.query("SELECT month, COUNT(*), SUM(CASE WHEN outcome <> 'answered' THEN 1 ELSE 0 END), "
               "SUM(CASE WHEN helpful = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN helpful = 0 THEN 1 ELSE 0 END) "
               "FROM answer_reviews WHERE month >= ? AND month <= ? GROUP BY month ORDER BY month",
               {from, to}),
      [](const db::Row& row) {
        ReviewTally t;
        db::read_row(row, t.key, t.recorded, t.unsure, t.yes, t.no);
        return t;
      });
}

std::int64_t ReviewRepository::count_unhelpful(std::int64_t from, std::int64_t to) {
  return c_.query_int("SELECT COUNT(*) FROM answer_reviews WHERE helpful = 0 AND created_at >= ? AND created_at < ?", {from, to});
}

std::vector<AnswerReview> ReviewRepository::with_fields(const std::string& from, const std::string& to) {
  return db::map_rows(c_.query(std::string(kSelect) + "WHERE r.month >= ? AND r.month <= ?", {from, to}), read);
}

std::vector<HelpfulAnswer> ReviewRepository::helpful(std::size_t limit) {
  std::vector<HelpfulAnswer> out;
  for (const auto& r : c_.query("SELECT question, document_id, article FROM answer_reviews WHERE helpful = 1 AND document_id IS NOT NULL "
                                "AND article <> '' ORDER BY created_at DESC, id DESC LIMIT ?",
                                {static_cast<std::int64_t>(limit)}))
    out.push_back({r.text(0), r.int64(1), r.text(2)});
  return out;
}

}  // namespace answer
