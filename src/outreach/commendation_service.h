#pragma once
// Commendations (khen thưởng, tôn vinh) for PBGDPL work: units and the people of the registry are
// proposed by those who oversee them (admins, approvers, unit reporters, for their units), and the
// province's admins decide: awarded with the decision's number, or declined with the reason. Every
// line shows the activity figures of the period it covers: activities held by the unit and those
// below it, or led by the person, and their participants. Every step is audited.
#include "auth/audit_log.h"
#include "auth/user.h"
#include "core/error.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "outreach/commendation_repository.h"
#include "outreach/model.h"
#include "units/unit_tree.h"

#include <string>
#include <vector>

namespace outreach {

struct CommendationLine {
  Commendation commendation;
  ActivityFigures figures;
};

struct CommendationForm {
  std::string nominee;  // "unit:00100" or "person:12"
  std::string award, reason, from_date, to_date;
};

struct HonourLine {
  Commendation commendation;
  ActivityFigures figures;
  std::string unit_name;
};

// Whom a person may propose: their units, and the active people of the registry in them.
struct Nominees {
  units::UnitTree tree;
  std::vector<std::string> units;
  std::vector<LegalReporter> people;
};

class CommendationService {
 public:
  // `changes`: told when a commendation is decided (the public page of those honoured is cached).
  CommendationService(db::Database& database, db::ChangeFeed& changes, std::string root_code)
      : database_(database), changes_(changes), root_code_(std::move(root_code)) {}

  // Those of the user's units; `status` none for all.
  std::vector<CommendationLine> list(const auth::User& user, std::optional<CommendationStatus> status);
  Nominees nominees(const auth::User& user);
  // What the public page honours: the province's awarded commendations, the latest decisions
  // first (at most `limit`), with the figures that justify them and the unit of each person.
  std::vector<HonourLine> honoured(int limit);
  // 422 with the fields: a nominee the user oversees, an award (3–200 bytes), a reason (10–2,000),
  // a period from `from_date` to `to_date` not after today.
  core::Result<Commendation> propose(const auth::User& user, const auth::Actor& actor, const CommendationForm& form, std::int64_t now);
  // Awarded with the decision's number (1–50 bytes); 409 when already decided.
  core::Result<Commendation> award(const auth::Actor& actor, std::int64_t id, const std::string& decision_number, std::int64_t now);
  // Declined with the reason (3–1,000 bytes); 409 when already decided.
  core::Result<Commendation> decline(const auth::Actor& actor, std::int64_t id, const std::string& note, std::int64_t now);

 private:
  core::Result<Commendation> decide(const auth::Actor& actor, std::int64_t id, CommendationStatus status, const std::string& number,
                                    const std::string& note, std::int64_t now);
  db::Database& database_;
  db::ChangeFeed& changes_;
  std::string root_code_;
};

}  // namespace outreach
