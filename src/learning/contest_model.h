#pragma once
// Online contests on legal knowledge (thi tìm hiểu pháp luật trực tuyến). A contest has rounds
// (vòng thi); in an open round a registered participant starts an attempt: questions drawn from
// the published bank by the contest's quotas, answered one by one before a deadline the server
// keeps, then submitted (or expired, scored as saved). Ranking: score, then time taken, then how
// close the participant's prediction came to the number of people who answered everything.
#include "learning/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learning {

// Points for each correct answer.
constexpr int kPointsPerQuestion = 10;
// Less than this per question is faster than anyone reads a question and its choices: such an
// attempt is flagged for the organisers (it keeps its rank; they decide).
constexpr std::int64_t kReadingMsPerQuestion = 3000;

struct ContestRound {
  std::int64_t id = 0;
  int number = 1;
  std::int64_t opens_at = 0;   // Unix seconds
  std::int64_t closes_at = 0;  // Unix seconds, exclusive
};

// `count` published questions matching every condition given: "" / 0 means any.
struct Quota {
  std::string tag;
  std::string law;
  std::string kind;  // kind_slug, or ""
  int difficulty = 0;
  int count = 0;
};

struct Contest {
  std::int64_t id = 0;
  std::string slug;
  std::string title;
  std::string description;
  int questions_per_attempt = 0;  // the sum of the quotas
  int time_limit_seconds = 0;
  int attempts_per_round = 1;
  std::string prediction_question;  // "" when the contest has no tie-break question
  std::vector<ContestRound> rounds;  // by number
  std::vector<Quota> quotas;

  std::int64_t opens_at() const { return rounds.empty() ? 0 : rounds.front().opens_at; }
  std::int64_t closes_at() const { return rounds.empty() ? 0 : rounds.back().closes_at; }
  // The round open at `now`, if any.
  const ContestRound* round_at(std::int64_t now) const;
};

// The contest's page: "/cuoc-thi/<slug>".
std::string contest_url(const Contest& c);

enum class IdentityKind { phone, citizen_id };

struct Participant {
  std::int64_t id = 0;
  std::int64_t contest_id = 0;
  std::string name;
  int birth_year = 0;
  std::string unit_code;
  IdentityKind identity_kind = IdentityKind::phone;
  std::string identity_masked;  // "09******23"
};

enum class AttemptStatus { open, submitted, expired };
std::string_view attempt_status_slug(AttemptStatus s);
std::optional<AttemptStatus> parse_attempt_status(std::string_view slug);

// A question as the participant sees it: no answer key.
struct AttemptQuestion {
  int position = 0;  // 1-based
  std::int64_t question_id = 0;
  QuestionKind kind = QuestionKind::single;
  std::string text;
  std::vector<Choice> choices;  // `correct` is always false here
  std::vector<std::string> answer;  // the labels saved, empty when not answered
};

struct Attempt {
  std::int64_t id = 0;
  std::int64_t participant_id = 0;
  std::int64_t contest_id = 0;
  std::int64_t round_id = 0;
  int round_number = 0;
  AttemptStatus status = AttemptStatus::open;
  std::int64_t started_ms = 0;
  std::int64_t deadline_ms = 0;
  std::optional<std::int64_t> finished_ms;
  std::optional<std::int64_t> prediction;
  int correct = 0;
  int total = 0;
  std::optional<std::int64_t> time_ms;

  int score() const { return correct * kPointsPerQuestion; }
};

struct AttemptResult {
  std::int64_t attempt_id = 0;
  int score = 0;
  int correct = 0;
  int total = 0;
  std::int64_t time_ms = 0;
};

struct PersonStanding {
  int rank = 0;
  std::int64_t participant_id = 0;
  std::string name;
  int birth_year = 0;
  std::string unit_name;
  std::string identity_masked;
  int correct = 0;
  int total = 0;
  std::int64_t time_ms = 0;
  std::optional<std::int64_t> prediction;
  std::int64_t finished_ms = 0;
  int score() const { return correct * kPointsPerQuestion; }
  bool faster_than_reading() const { return time_ms < total * kReadingMsPerQuestion; }
};

struct UnitStanding {
  std::string unit_code;
  std::string unit_name;
  std::int64_t participants = 0;
  std::int64_t attempts = 0;
  double average_score = 0;
  std::int64_t full_marks = 0;  // people with every answer right
};

struct Leaderboard {
  int round_number = 0;
  std::int64_t full_marks = 0;  // people in the round with every answer right: the prediction's answer
  std::vector<PersonStanding> people;
  std::vector<UnitStanding> units;  // by province: participants, then average score
};

}  // namespace learning
