#pragma once
// All SQL of the question banks: bank_questions, their choices and the articles they rest on.
#include "db/database.h"
#include "learning/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learning {

// A back-office list: by status, and words of the question's text as typed.
struct BankQuery {
  std::optional<BankStatus> status;
  std::string text;
  std::size_t limit = 20;
  std::size_t offset = 0;
};

struct BankListItem {
  std::int64_t id = 0;
  QuestionKind kind = QuestionKind::single;
  std::string text;
  BankStatus status = BankStatus::draft;
  std::string law;
  int difficulty = 2;
  std::int64_t updated_at = 0;
};

class BankRepository {
 public:
  explicit BankRepository(db::Connection& c) : c_(c) {}

  bool source_ref_taken(const std::string& source_ref);
  // The question with its choices and articles (document_id, article, clause only); returns its id.
  std::int64_t insert(const BankQuestion& q, std::optional<std::int64_t> created_by, std::int64_t now);
  // With its choices in order and its articles, labels filled from the library.
  std::optional<BankQuestion> find(std::int64_t id);
  bool field_exists(const std::string& slug);
  // The shared list of legal fields: (slug, name), in their order.
  std::vector<std::pair<std::string, std::string>> fields();
  // Replaces the question's text, fields, choices and articles (by q.id), as of `now`.
  void update(const BankQuestion& q, std::int64_t now);
  void set_status(std::int64_t id, BankStatus status, const std::string& review_note, std::int64_t now);
  // Drawn into a contest attempt at least once: its answer key is part of a score.
  bool used_in_attempts(std::int64_t id);
  // Newest change first.
  std::vector<BankListItem> list(const BankQuery& q);
  std::int64_t count(const BankQuery& q);

 private:
  void insert_parts(std::int64_t id, const BankQuestion& q);
  db::Connection& c_;
};

}  // namespace learning
