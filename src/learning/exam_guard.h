#pragma once
// The answering service's guard for open contests (answer::ExamGuard): a question whose words are
// nearly all those of a question a contest round open now can draw, written with or without
// diacritics, in any order, gets no choice from /api/v1/answer or the chat. The questions are
// read from the database at most once a minute.
#include "answer/answer_service.h"
#include "db/database.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace learning {

// A question whose distinct words include at least this share of a contest question's words
// counts as that question (the asker may add "đúng hay sai?" or the options).
constexpr double kExamContainment = 0.8;

class OpenContestQuestions : public answer::ExamGuard {
 public:
  explicit OpenContestQuestions(db::Database& database, std::chrono::seconds refresh_every = std::chrono::seconds(60))
      : database_(database), refresh_every_(refresh_every) {}
  bool in_open_contest(const std::string& question) const override;
  // Reads the questions of the rounds open at `now` again (the check does it when they are older
  // than `refresh_every`).
  void refresh(std::int64_t now) const;

 private:
  using Words = std::vector<std::string>;  // distinct folded words, sorted
  db::Database& database_;
  std::chrono::seconds refresh_every_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const std::vector<Words>> questions_;
  mutable std::int64_t read_at_ = 0;
};

}  // namespace learning
