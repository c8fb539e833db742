#pragma once
// All SQL of the activity log: outreach_activities and activity_leaders (migration 0024).
#include "db/database.h"
#include "outreach/model.h"
#include "web/figures.h"

#include <optional>
#include <string>
#include <vector>

namespace outreach {

struct ActivityFilter {
  std::vector<std::string> units;  // only these units (the viewer's)
  std::optional<ActivityKind> kind;
  std::string from_date, to_date;  // ISO, inclusive; "" for no bound
};

class ActivityRepository {
 public:
  explicit ActivityRepository(db::Connection& c) : c_(c) {}

  // `held_at`: the day's start (Unix seconds), for counting by period.
  std::int64_t insert(const Activity& a, std::int64_t held_at, std::optional<std::int64_t> user_id, std::int64_t now);
  void update(const Activity& a, std::int64_t held_at, std::int64_t now);
  std::optional<Activity> find(std::int64_t id);
  // Newest first; `limit` 0 for all.
  std::vector<Activity> list(const ActivityFilter& filter, int limit, int offset);
  std::int64_t count(const ActivityFilter& filter);
  // Those a person of the registry led, newest first.
  std::vector<Activity> led_by(std::int64_t reporter_id);

  // Held in [from, to) (Unix seconds), by unit: how many, and their participants.
  web::UnitCounts held(std::int64_t from, std::int64_t to);
  web::UnitCounts participants(std::int64_t from, std::int64_t to);

 private:
  void set_leaders(std::int64_t id, const std::vector<std::int64_t>& leaders);
  std::vector<Activity> with_leaders(std::vector<Activity> activities);
  db::Connection& c_;
};

}  // namespace outreach
