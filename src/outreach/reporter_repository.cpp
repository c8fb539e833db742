#include "outreach/reporter_repository.h"

#include "core/utf8.h"
#include "db/rows.h"
#include "db/where.h"

namespace outreach {

namespace {

constexpr const char* kReporterColumns =
    "id, full_name, unit_code, kind, level, decision_number, decision_date, fields, position, email, phone, relieved_on, "
    "relieved_reason, created_at, updated_at";

LegalReporter read_reporter_row(const db::Row& r) {
  LegalReporter out;
  std::string kind, level;
  db::read_row(r, out.id, out.full_name, out.unit_code, kind, level, out.decision_number, out.decision_date, out.fields, out.position,
               out.email, out.phone, out.relieved_on, out.relieved_reason, out.created_at, out.updated_at);
  out.kind = parse_reporter_kind(kind).value_or(ReporterKind::reporter);
  out.level = parse_reporter_level(level).value_or(ReporterLevel::provincial);
  return out;
}

std::string where_of(const ReporterFilter& f, db::Params& params) {
  db::Where where(params);
  where.add_in("unit_code", f.units);
  if (!f.name_folded.empty()) where.add("name_folded LIKE ?", "%" + f.name_folded + "%");
  if (f.kind) where.add("kind = ?", std::string(kind_slug(*f.kind)));
  if (f.level) where.add("level = ?", std::string(level_slug(*f.level)));
  if (f.active) where.add(*f.active ? "relieved_on IS NULL" : "relieved_on IS NOT NULL");
  return where.sql();
}

}  // namespace

std::int64_t ReporterRepository::insert(const LegalReporter& r, std::int64_t now) {
  return c_.query_int(
      "INSERT INTO legal_reporters (full_name, name_folded, unit_code, kind, level, decision_number, decision_date, fields, position, "
      "email, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.full_name, core::fold_vietnamese(r.full_name), r.unit_code, std::string(kind_slug(r.kind)), std::string(level_slug(r.level)),
       r.decision_number, r.decision_date, r.fields, r.position, r.email, r.phone, now, now});
}

void ReporterRepository::update(const LegalReporter& r, std::int64_t now) {
  c_.execute(
      "UPDATE legal_reporters SET full_name = ?, name_folded = ?, unit_code = ?, kind = ?, level = ?, decision_number = ?, "
      "decision_date = ?, fields = ?, position = ?, email = ?, phone = ?, updated_at = ? WHERE id = ?",
      {r.full_name, core::fold_vietnamese(r.full_name), r.unit_code, std::string(kind_slug(r.kind)), std::string(level_slug(r.level)),
       r.decision_number, r.decision_date, r.fields, r.position, r.email, r.phone, now, r.id});
}

void ReporterRepository::set_relieved(std::int64_t id, const std::optional<std::string>& relieved_on, const std::string& reason,
                                      std::int64_t now) {
  c_.execute("UPDATE legal_reporters SET relieved_on = ?, relieved_reason = ?, updated_at = ? WHERE id = ?",
             {db::opt(relieved_on), reason, now, id});
}

std::optional<LegalReporter> ReporterRepository::find(std::int64_t id) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kReporterColumns + " FROM legal_reporters WHERE id = ?", {id}), read_reporter_row);
}

std::vector<LegalReporter> ReporterRepository::search(const ReporterFilter& filter, int limit, int offset) {
  db::Params params;
  std::string sql = std::string("SELECT ") + kReporterColumns + " FROM legal_reporters " + where_of(filter, params) + " ORDER BY name_folded, id";
  if (limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    params.push_back(std::int64_t{limit});
    params.push_back(std::int64_t{offset});
  }
  return db::map_rows(c_.query(sql, params), read_reporter_row);
}

std::int64_t ReporterRepository::count(const ReporterFilter& filter) {
  db::Params params;
  return c_.query_int("SELECT COUNT(*) FROM legal_reporters " + where_of(filter, params), params);
}

std::vector<LegalReporter> ReporterRepository::find_all(const std::vector<std::int64_t>& ids) {
  std::vector<LegalReporter> out;
  for (auto id : ids)
    if (auto r = find(id)) out.push_back(std::move(*r));
  return out;
}

std::vector<Training> ReporterRepository::trainings(std::int64_t reporter_id) {
  return db::map_rows(c_.query("SELECT id, reporter_id, title, held_on, organiser FROM reporter_trainings WHERE reporter_id = ? "
                               "ORDER BY held_on DESC, id DESC",
                               {reporter_id}),
                      db::into<Training>(&Training::id, &Training::reporter_id, &Training::title, &Training::held_on, &Training::organiser));
}

std::int64_t ReporterRepository::add_training(const Training& t, std::int64_t now) {
  return c_.query_int(
      "INSERT INTO reporter_trainings (reporter_id, title, held_on, organiser, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
      {t.reporter_id, t.title, t.held_on, t.organiser, now});
}

web::UnitCounts ReporterRepository::serving(ReporterKind kind, const std::string& from_date, const std::string& to_date) {
  web::UnitCounts out;
  for (const auto& r : c_.query("SELECT unit_code, COUNT(*) FROM legal_reporters WHERE kind = ? AND decision_date <= ? "
                                "AND (relieved_on IS NULL OR relieved_on >= ?) GROUP BY unit_code",
                                {std::string(kind_slug(kind)), to_date, from_date}))
    out[r.text(0)] = r.int64(1);
  return out;
}

}  // namespace outreach
