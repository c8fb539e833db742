#pragma once
// All SQL of the contests: contests with their rounds and quotas, participants, attempts and
// their questions, and the leaderboards.
#include "db/database.h"
#include "learning/contest_model.h"

#include <map>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace learning {

// A bank question an attempt may draw, with what quotas match on.
struct DrawableQuestion {
  std::int64_t id = 0;
  std::vector<std::string> tags;
};


class ContestRepository {
 public:
  explicit ContestRepository(db::Connection& c) : c_(c) {}
  // People who entered a contest in [from, to), by their unit: a figure of the PBGDPL reports.
  std::map<std::string, std::int64_t> participants_by_unit(std::int64_t from, std::int64_t to);

  std::vector<std::string> slugs_starting(const std::string& base);
  std::int64_t insert_contest(const Contest& contest, std::optional<std::int64_t> created_by, std::int64_t now);
  std::optional<Contest> find_contest(std::int64_t id);
  std::optional<Contest> find_contest_by_slug(const std::string& slug);
  // Published contests whose last round closes at or after `closes_after`, by first opening.
  std::vector<Contest> contests_closing_after(std::int64_t closes_after);

  // Published questions matching the quota's kind, difficulty and law (tags are the caller's).
  std::vector<DrawableQuestion> drawable_questions(const Quota& quota);
  // (id, text) of those of `ids` that are bank questions.
  std::vector<std::pair<std::int64_t, std::string>> question_texts(const std::set<std::int64_t>& ids);

  // The new participant's id, or nothing when this identity already entered the contest.
  std::optional<std::int64_t> insert_participant(const Participant& p, const std::string& identity_hash,
                                                 const std::string& token_hash, std::int64_t now);
  std::optional<Participant> participant_by_token_hash(const std::string& token_hash);
  std::optional<Participant> find_participant(std::int64_t id);

  std::optional<Attempt> find_attempt(std::int64_t id);
  std::optional<Attempt> open_attempt(std::int64_t participant_id);
  int attempts_in_round(std::int64_t participant_id, std::int64_t round_id);
  // The new attempt's id, or nothing when attempt `number` of this round exists (a racing start).
  std::optional<std::int64_t> insert_attempt(const Attempt& a, int number, const std::vector<std::int64_t>& question_ids);
  // The attempt's questions in order, with their choices (`correct` flags filled) and answers.
  std::vector<AttemptQuestion> attempt_questions(std::int64_t attempt_id);
  // Returns false when the attempt has no such question.
  bool save_answer(std::int64_t attempt_id, std::int64_t question_id, const std::string& stored, std::int64_t now_ms);
  // Closes an open attempt with its score; false when it was not open any more.
  bool finish_attempt(const Attempt& a);
  std::vector<std::int64_t> overdue_attempts(std::int64_t now_ms, int limit);

  // People in the round whose best finished attempt has every answer right.
  std::int64_t full_marks(std::int64_t round_id);
  // Each person's best finished attempt in the round, ranked: most correct, least time, the
  // prediction closest to `full_marks` (none last).
  std::vector<PersonStanding> people_standings(std::int64_t round_id, std::int64_t full_marks, int limit);
  // Figures by province (a commune or agency counts for its province).
  std::vector<UnitStanding> unit_standings(std::int64_t round_id);

 private:
  void load_parts(Contest& contest);
  db::Connection& c_;
};

}  // namespace learning
