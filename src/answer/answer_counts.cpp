#include "answer/answer_counts.h"

namespace answer {

void AnswerCountRepository::add_one(const std::string& day) {
  c_.execute("INSERT INTO answer_counts (day, answers) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET answers = answer_counts.answers + 1",
             {day});
}

std::int64_t AnswerCountRepository::count(const std::string& from_day, const std::string& to_day) {
  return c_.query_int("SELECT COALESCE(SUM(answers), 0) FROM answer_counts WHERE day >= ? AND day < ?", {from_day, to_day});
}

}  // namespace answer
