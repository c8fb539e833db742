#include "outreach/activity_repository.h"

#include "db/rows.h"
#include "db/where.h"

namespace outreach {

namespace {

constexpr const char* kActivityColumns =
    "a.id, a.unit_code, a.kind, a.title, a.held_on, a.place, a.form, a.audience, a.participants, a.materials, a.created_at, a.updated_at";

Activity read_activity_row(const db::Row& r) {
  Activity out;
  std::string kind, form;
  db::read_row(r, out.id, out.unit_code, kind, out.title, out.held_on, out.place, form, out.audience, out.participants, out.materials,
               out.created_at, out.updated_at);
  out.kind = parse_activity_kind(kind).value_or(ActivityKind::other);
  out.form = parse_activity_form(form).value_or(ActivityForm::in_person);
  return out;
}

std::string activity_where(const ActivityFilter& f, db::Params& params) {
  db::Where where(params);
  where.add_in("a.unit_code", f.units);
  if (f.kind) where.add("a.kind = ?", std::string(activity_slug(*f.kind)));
  if (!f.from_date.empty()) where.add("a.held_on >= ?", f.from_date);
  if (!f.to_date.empty()) where.add("a.held_on <= ?", f.to_date);
  return where.sql();
}

}  // namespace

std::int64_t ActivityRepository::insert(const Activity& a, std::int64_t held_at, std::optional<std::int64_t> user_id, std::int64_t now) {
  auto id = c_.query_int(
      "INSERT INTO outreach_activities (unit_code, kind, title, held_on, held_at, place, form, audience, participants, materials, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.unit_code, std::string(activity_slug(a.kind)), a.title, a.held_on, held_at, a.place, std::string(form_slug(a.form)), a.audience,
       a.participants, a.materials, db::opt(user_id), now, now});
  set_leaders(id, a.leaders);
  return id;
}

void ActivityRepository::update(const Activity& a, std::int64_t held_at, std::int64_t now) {
  c_.execute(
      "UPDATE outreach_activities SET unit_code = ?, kind = ?, title = ?, held_on = ?, held_at = ?, place = ?, form = ?, audience = ?, "
      "participants = ?, materials = ?, updated_at = ? WHERE id = ?",
      {a.unit_code, std::string(activity_slug(a.kind)), a.title, a.held_on, held_at, a.place, std::string(form_slug(a.form)), a.audience,
       a.participants, a.materials, now, a.id});
  c_.execute("DELETE FROM activity_leaders WHERE activity_id = ?", {a.id});
  set_leaders(a.id, a.leaders);
}

void ActivityRepository::set_leaders(std::int64_t id, const std::vector<std::int64_t>& leaders) {
  for (auto leader : leaders) c_.execute("INSERT INTO activity_leaders (activity_id, reporter_id) VALUES (?, ?)", {id, leader});
}

std::vector<Activity> ActivityRepository::with_leaders(std::vector<Activity> activities) {
  for (auto& a : activities)
    for (const auto& r : c_.query("SELECT reporter_id FROM activity_leaders WHERE activity_id = ? ORDER BY reporter_id", {a.id}))
      a.leaders.push_back(r.int64(0));
  return activities;
}

std::optional<Activity> ActivityRepository::find(std::int64_t id) {
  auto found = db::map_row(c_.query_one(std::string("SELECT ") + kActivityColumns + " FROM outreach_activities a WHERE a.id = ?", {id}),
                           read_activity_row);
  if (!found) return std::nullopt;
  return with_leaders({*found}).front();
}

std::vector<Activity> ActivityRepository::list(const ActivityFilter& filter, int limit, int offset) {
  db::Params params;
  std::string sql = std::string("SELECT ") + kActivityColumns + " FROM outreach_activities a " + activity_where(filter, params) +
                    " ORDER BY a.held_on DESC, a.id DESC";
  if (limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    params.push_back(std::int64_t{limit});
    params.push_back(std::int64_t{offset});
  }
  return with_leaders(db::map_rows(c_.query(sql, params), read_activity_row));
}

std::int64_t ActivityRepository::count(const ActivityFilter& filter) {
  db::Params params;
  return c_.query_int("SELECT COUNT(*) FROM outreach_activities a " + activity_where(filter, params), params);
}

std::vector<Activity> ActivityRepository::led_by(std::int64_t reporter_id) {
  return with_leaders(db::map_rows(
      c_.query(std::string("SELECT ") + kActivityColumns +
                   " FROM outreach_activities a JOIN activity_leaders l ON l.activity_id = a.id WHERE l.reporter_id = ? "
                   "ORDER BY a.held_on DESC, a.id DESC",
               {reporter_id}),
      read_activity_row));
}

web::UnitCounts ActivityRepository::held(std::int64_t from, std::int64_t to) {
  web::UnitCounts out;
  for (const auto& r : c_.query("SELECT unit_code, COUNT(*) FROM outreach_activities WHERE held_at >= ? AND held_at < ? GROUP BY unit_code",
                                {from, to}))
    out[r.text(0)] = r.int64(1);
  return out;
}

web::UnitCounts ActivityRepository::participants(std::int64_t from, std::int64_t to) {
  web::UnitCounts out;
  for (const auto& r : c_.query("SELECT unit_code, SUM(participants) FROM outreach_activities WHERE held_at >= ? AND held_at < ? "
                                "GROUP BY unit_code",
                                {from, to}))
    out[r.text(0)] = r.int64(1);
  return out;
}

}  // namespace outreach
