#pragma once
// The contests' rules with the database: creating a contest, registering a participant (one
// entry per person: a keyed hash of the phone or citizen ID number), starting an attempt
// (questions drawn by the quotas, a deadline the server keeps, the same attempt continued after
// a reload), saving answers, submitting and scoring, expiring overdue attempts, leaderboards.
// Times are passed in, so tests set the clock.
#include "auth/audit_log.h"
#include "core/error.h"
#include "db/database.h"
#include "learning/contest_model.h"
#include "units/unit_registry.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace db {
class GroupCommit;
}

namespace learning {

struct Registration {
  std::string name;
  std::string birth_year;  // as typed
  std::string unit_code;
  std::string phone;       // one of phone and citizen_id
  std::string citizen_id;
};

struct RegistrationReceipt {
  Participant participant;
  std::string token;  // the participant's bearer token: shown once, stored hashed
};

// An attempt with its questions as the participant sees them (no answer key).
struct AttemptView {
  Attempt attempt;
  std::vector<AttemptQuestion> questions;
};

class ContestService {
 public:
  // `identity_key`: the secret of the keyed hash of identity numbers (the site secret).
  ContestService(db::Database& database, units::UnitRegistry& units, std::string identity_key);
  ~ContestService();

  // Checks the definition (contest_problems) and that the published bank can fill every quota.
  core::Result<Contest> create(Contest contest, const auth::Actor& actor, std::int64_t now);
  std::optional<Contest> find(std::int64_t id);
  std::optional<Contest> find_by_slug(const std::string& slug);
  // Contests not closed at `now`, and those closed within the last `closed_days` days.
  std::vector<Contest> listed(std::int64_t now, int closed_days = 0);

  // 409 when this phone / citizen ID already entered the contest; 409 when the contest closed.
  core::Result<RegistrationReceipt> register_participant(std::int64_t contest_id, const Registration& in, std::int64_t now);
  // The participant whose bearer token this is (in whichever contest: callers compare).
  std::optional<Participant> participant(const std::string& token);

  // The participant's open attempt (continued), or a new one in the round open at `now_ms`.
  // 409 outside a round or when the round's attempts are used; 503 when the bank cannot fill a
  // quota any more.
  core::Result<AttemptView> start_attempt(const Participant& p, std::int64_t now_ms);
  // The participant's own attempt; 404 for anyone else's.
  core::Result<AttemptView> attempt(const Participant& p, std::int64_t attempt_id);
  // Saves one answer while the attempt is open and before its deadline (409 otherwise). Answers
  // and submissions return once committed and on disk, through a group commit.
  core::Result<void> save_answer(const Participant& p, std::int64_t attempt_id, std::int64_t question_id,
                                 const std::vector<std::string>& labels, std::int64_t now_ms);
  // Scores and closes the attempt. After the deadline: 409, and the attempt is closed as
  // expired, scored as saved. A second submission: 409.
  core::Result<AttemptResult> submit(const Participant& p, std::int64_t attempt_id, std::optional<std::int64_t> prediction,
                                     std::int64_t now_ms);
  // Closes every attempt whose deadline has passed, scored as saved (a background duty);
  // returns how many.
  int expire_overdue(std::int64_t now_ms);

  // Round `round_number` of the contest; 0: the round opened last (the first, before any opens).
  core::Result<Leaderboard> leaderboard(const Contest& contest, int round_number, int limit, std::int64_t now);

 private:
  std::string identity_hash(std::int64_t contest_id, const std::string& kind, const std::string& digits) const;
  db::Database& database_;
  units::UnitRegistry& units_;
  std::string identity_key_;
  std::unique_ptr<db::GroupCommit> commits_;  // answers and submissions
};

}  // namespace learning
