#pragma once
// The log of PBGDPL activities (hội nghị, buổi tuyên truyền, lớp tập huấn, Ngày Pháp luật) of the
// province's units: each with its date, place, form, audience, participants, materials and the
// people of the registry who led it. Unit reporters record their own unit's, approvers their unit's
// and below, admins any (outreach/rules.h); every change is audited. The activities count in the
// PBGDPL reports (activity_figures).
#include "auth/audit_log.h"
#include "auth/user.h"
#include "core/error.h"
#include "db/database.h"
#include "outreach/activity_repository.h"
#include "outreach/rules.h"
#include "units/unit_tree.h"

#include <string>
#include <vector>

namespace outreach {

struct ActivityQuery {
  std::string unit;  // "" for every unit in view; else that unit and those below it
  std::optional<ActivityKind> kind;
  std::string from_date, to_date;  // ISO, inclusive; "" for no bound
};

struct ActivityList {
  std::vector<Activity> items;
  std::int64_t total = 0;
};

// An activity with the records of the people who led it.
struct ActivityDetail {
  Activity activity;
  std::vector<LegalReporter> leaders;
};

class ActivityLog {
 public:
  ActivityLog(db::Database& database, std::string root_code) : database_(database), root_code_(std::move(root_code)) {}

  units::UnitTree tree();
  // 400 for a malformed date bound; 404 for a unit outside the user's view.
  core::Result<ActivityList> list(const auth::User& user, const ActivityQuery& query, int limit, int offset);
  core::Result<ActivityDetail> find(const auth::User& user, std::int64_t id);
  core::Result<Activity> record(const auth::User& user, const auth::Actor& actor, const ActivityInput& input, std::int64_t now);
  core::Result<Activity> change(const auth::User& user, const auth::Actor& actor, std::int64_t id, const ActivityInput& input,
                                std::int64_t now);
  // Who may be named as having led an activity of the user's units: the active people of those
  // units, and the province's active legal reporters (who speak anywhere), by name.
  std::vector<LegalReporter> possible_leaders(const auth::User& user);

 private:
  core::Result<Activity> checked(db::Connection& c, const auth::User& user, const ActivityInput& input);
  db::Database& database_;
  std::string root_code_;
};

// "outreach.activities" and "outreach.activity_participants": activities held in a period and
// their participants, by unit.
std::vector<web::FigureSource> activity_figures();

}  // namespace outreach
