#include "outreach/commendation_repository.h"

#include "db/rows.h"
#include "db/where.h"

namespace outreach {

namespace {

constexpr const char* kCommendationSelect =
    "SELECT c.id, c.nominee_kind, c.unit_code, c.reporter_id, COALESCE(r.full_name, u.name, c.unit_code), c.award, c.reason, "
    "c.from_date, c.to_date, c.status, c.proposed_at, c.decision_number, c.decision_note, c.decided_at FROM commendations c "
    "LEFT JOIN legal_reporters r ON r.id = c.reporter_id LEFT JOIN admin_units u ON u.code = c.unit_code ";

Commendation read_commendation(const db::Row& row) {
  Commendation c;
  std::string kind, status;
  db::read_row(row, c.id, kind, c.unit_code, c.reporter_id, c.nominee, c.award, c.reason, c.from_date, c.to_date, status, c.proposed_at,
               c.decision_number, c.decision_note, c.decided_at);
  c.for_person = kind == "person";
  c.status = parse_commendation_status(status).value_or(CommendationStatus::proposed);
  return c;
}

ActivityFigures figures_of(const std::optional<db::Row>& row) {
  if (!row) return {};
  return {row->int64(0), row->int64(1)};
}

}  // namespace

std::int64_t CommendationRepository::insert(const Commendation& c, std::optional<std::int64_t> user_id, std::int64_t now) {
  return c_.query_int(
      "INSERT INTO commendations (nominee_kind, unit_code, reporter_id, award, reason, from_date, to_date, proposed_by, proposed_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {std::string(c.for_person ? "person" : "unit"), c.unit_code, db::opt(c.reporter_id), c.award, c.reason, c.from_date, c.to_date,
       db::opt(user_id), now});
}

std::optional<Commendation> CommendationRepository::find(std::int64_t id) {
  return db::map_row(c_.query_one(std::string(kCommendationSelect) + "WHERE c.id = ?", {id}), read_commendation);
}

std::vector<Commendation> CommendationRepository::list(const std::vector<std::string>& units, std::optional<CommendationStatus> status) {
  db::Params params;
  db::Where where(params);
  where.add_in("c.unit_code", units);
  if (status) where.add("c.status = ?", std::string(commendation_slug(*status)));
  return db::map_rows(c_.query(std::string(kCommendationSelect) + where.sql() + " ORDER BY c.proposed_at DESC, c.id DESC", params),
                      read_commendation);
}

std::vector<Commendation> CommendationRepository::awarded(int limit) {
  return db::map_rows(c_.query(std::string(kCommendationSelect) + " WHERE c.status = 'awarded' ORDER BY c.decided_at DESC, c.id DESC LIMIT ?",
                               {std::int64_t{limit}}),
                      read_commendation);
}

bool CommendationRepository::decide(std::int64_t id, CommendationStatus status, const std::string& number, const std::string& note,
                                    std::optional<std::int64_t> user_id, std::int64_t now) {
  return c_.execute(
             "UPDATE commendations SET status = ?, decision_number = ?, decision_note = ?, decided_by = ?, decided_at = ? "
             "WHERE id = ? AND status = 'proposed'",
             {std::string(commendation_slug(status)), number, note, db::opt(user_id), now, id}) == 1;
}

ActivityFigures CommendationRepository::held_by(const std::vector<std::string>& units, const std::string& from_date, const std::string& to_date) {
  db::Params params;
  db::Where where(params);
  where.add_in("unit_code", units);
  where.add("held_on >= ?", from_date);
  where.add("held_on <= ?", to_date);
  return figures_of(c_.query_one("SELECT COUNT(*), COALESCE(SUM(participants), 0) FROM outreach_activities " + where.sql(), params));
}

ActivityFigures CommendationRepository::led_by(std::int64_t reporter_id, const std::string& from_date, const std::string& to_date) {
  return figures_of(c_.query_one(
      "SELECT COUNT(*), COALESCE(SUM(a.participants), 0) FROM outreach_activities a JOIN activity_leaders l ON l.activity_id = a.id "
      "WHERE l.reporter_id = ? AND a.held_on >= ? AND a.held_on <= ?",
      {reporter_id, from_date, to_date}));
}

}  // namespace outreach
