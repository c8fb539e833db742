#pragma once
// Feedback and gaps (issue 14): answers that fell short (unsure, asking to clarify, handed off at
// the asker's request: AnswerService::answer and hand_off record those) are noted, askers say whether an answer helped ("Câu trả lời có giúp ích không?", with a reason
// for a no), and editors read where answers are missing: the most frequent such questions grouped
// by similar words, the figures by month and by legal field, and the documents the library lacks
// that questions asked about. Questions are kept masked of
// personal data (text::mask_personal_data), with nothing that names the asker.
#include "answer/answer_service.h"
#include "answer/review_repository.h"
#include "core/error.h"
#include "db/database.h"
#include "library/vocabulary_suggestions.h"

#include <string>
#include <vector>

namespace answer {

enum class Outcome { answered, unsure, handoff, clarify };
Outcome outcome_of(const Answer& a);  // clarify, else unsure when handed off for low confidence, else answered

// Stores a review of an answer (masked question, first citation, outcome, opinion if any).
void record_review(db::Connection& c, const std::string& question, const Answer& a, Outcome outcome, std::optional<bool> helpful,
                   const std::string& reason, std::int64_t now);
// Whether an answer fell short: it is recorded without anyone asking (not for contest questions).
bool fell_short(const Answer& a);

struct FeedbackInput {
  std::string question;
  std::string helpful;  // "co" or "khong"
  std::string reason;   // for "khong": "sai-luat", "het-hieu-luc", "kho-hieu", "khac"
};
// The reasons a no may give: slug, stored value, label.
struct Reason {
  std::string_view slug, stored, label;
};
const std::vector<Reason>& feedback_reasons();

// Similar questions that fell short, as the editors' report groups them.
struct GapGroup {
  std::string question;  // the newest, masked
  int count = 0, unsure = 0, handoff = 0, clarify = 0, no = 0;
  std::string cited;  // the article its newest answer cited ("Điều 35 Bộ luật Lao động"), or ""
};

struct ReviewReport {
  std::string from, to;  // months, "2026-07".."2026-12"
  std::vector<GapGroup> groups;  // most frequent first, at most 30
  std::vector<ReviewTally> by_month, by_field;
  // The documents and laws the library did not hold that questions asked about, most asked first
  // (at most 30): what to import.
  std::vector<ReviewTally> by_missing;
};

// Also gives the library the answers their askers found helpful, as answered questions its
// vocabulary suggestions are mined from (library/vocabulary_suggestions.h).
class AnswerReviews : public library::AnsweredQuestions {
 public:
  AnswerReviews(db::Database& database, const AnswerService& answers) : database_(database), answers_(answers) {}

  // Notes an answer that fell short (AnswerService::answer does so itself); others are not kept.
  void note(const std::string& question, const Answer& a, std::int64_t now);
  // The asker's opinion of the answer to `question` (answered again here: nothing the client
  // sends is taken as what was cited). 422 with the fields.
  core::Result<void> feedback(const FeedbackInput& input, std::int64_t now);
  // Months "YYYY-MM", from <= to.
  ReviewReport report(const std::string& from, const std::string& to);
  // library::AnsweredQuestions: the masked questions whose answers helped, with the article cited.
  std::vector<library::AnsweredQuestion> answered(std::size_t limit) const override;

 private:
  db::Database& database_;
  const AnswerService& answers_;
};

}  // namespace answer
