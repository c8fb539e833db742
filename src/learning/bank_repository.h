#pragma once
// All SQL of the question banks: bank_questions, their choices and the articles they rest on.
#include "db/database.h"
#include "learning/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learning {

class BankRepository {
 public:
  explicit BankRepository(db::Connection& c) : c_(c) {}

  bool source_ref_taken(const std::string& source_ref);
  // The question with its choices and articles (document_id, article, clause only); returns its id.
  std::int64_t insert(const BankQuestion& q, std::optional<std::int64_t> created_by, std::int64_t now);
  // With its choices in order and its articles, labels filled from the library.
  std::optional<BankQuestion> find(std::int64_t id);
  std::int64_t count(std::optional<BankStatus> status);
  bool field_exists(const std::string& slug);

 private:
  db::Connection& c_;
};

}  // namespace learning
