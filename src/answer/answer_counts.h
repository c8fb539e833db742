#pragma once
// All SQL of the daily count of automated answers (table answer_counts).
#include "db/database.h"

#include <string>

namespace answer {

class AnswerCountRepository {
 public:
  explicit AnswerCountRepository(db::Connection& c) : c_(c) {}
  // One more answer on `day` ("YYYY-MM-DD", Vietnam time).
  void add_one(const std::string& day);
  // Answers from `from_day` (inclusive) to `to_day` (exclusive).
  std::int64_t count(const std::string& from_day, const std::string& to_day);

 private:
  db::Connection& c_;
};

}  // namespace answer
