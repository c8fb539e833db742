#include "stats/report_repository.h"

#include "db/rows.h"

namespace stats {

namespace {

constexpr const char* kIndicatorColumns =
    "id, code, group_name, name, measure, COALESCE(part_of, ''), COALESCE(source_key, ''), position, active";
constexpr const char* kPeriodColumns = "id, code, name, starts_on, ends_on, due_on, locked_at";

Indicator indicator_from_row(const db::Row& r) {
  Indicator i;
  db::read_row(r, i.id, i.code, i.group, i.name, i.measure, i.part_of, i.source_key, i.position, i.active);
  return i;
}

const auto period_from_row = db::into<ReportPeriod>(&ReportPeriod::id, &ReportPeriod::code, &ReportPeriod::name, &ReportPeriod::starts_on,
                                                    &ReportPeriod::ends_on, &ReportPeriod::due_on, &ReportPeriod::locked_at);

}  // namespace

std::vector<Indicator> ReportRepository::indicators(bool with_inactive) {
  return db::map_rows(c_.query(std::string("SELECT ") + kIndicatorColumns + " FROM indicators" +
                               (with_inactive ? "" : " WHERE active = 1") + " ORDER BY position, id"),
                      indicator_from_row);
}

std::optional<Indicator> ReportRepository::find_indicator(const std::string& code) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kIndicatorColumns + " FROM indicators WHERE code = ?", {code}),
                     indicator_from_row);
}

void ReportRepository::insert_indicator(const Indicator& i) {
  c_.execute("INSERT INTO indicators (code, group_name, name, measure, part_of, source_key, position, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             {i.code, i.group, i.name, i.measure, db::text_or_null(i.part_of), db::text_or_null(i.source_key),
              std::int64_t{i.position}, std::int64_t{i.active}});
}

void ReportRepository::update_indicator(const Indicator& i) {
  c_.execute("UPDATE indicators SET group_name = ?, name = ?, measure = ?, part_of = ?, source_key = ?, position = ?, active = ? WHERE code = ?",
             {i.group, i.name, i.measure, db::text_or_null(i.part_of), db::text_or_null(i.source_key), std::int64_t{i.position},
              std::int64_t{i.active}, i.code});
}

std::vector<ReportPeriod> ReportRepository::periods() {
  return db::map_rows(c_.query(std::string("SELECT ") + kPeriodColumns + " FROM report_periods ORDER BY starts_on DESC, ends_on"),
                      period_from_row);
}

std::optional<ReportPeriod> ReportRepository::find_period(const std::string& code) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kPeriodColumns + " FROM report_periods WHERE code = ?", {code}), period_from_row);
}

std::int64_t ReportRepository::insert_period(const ReportPeriod& p) {
  return c_.query("INSERT INTO report_periods (code, name, starts_on, ends_on, due_on) VALUES (?, ?, ?, ?, ?) RETURNING id",
                  {p.code, p.name, p.starts_on, p.ends_on, p.due_on})
      .at(0)
      .int64(0);
}

void ReportRepository::lock_period(std::int64_t period_id, std::int64_t now) {
  c_.execute("UPDATE report_periods SET locked_at = ? WHERE id = ? AND locked_at IS NULL", {now, period_id});
}

std::optional<UnitReport> ReportRepository::find_report(std::int64_t period_id, const std::string& unit_code) {
  auto row = c_.query_one(
      "SELECT r.id, r.period_id, r.unit_code, r.status, r.version, r.note, r.return_reason, r.updated_at, r.submitted_at, "
      "r.approved_at, COALESCE(u.display_name, '') FROM unit_reports r LEFT JOIN users u ON u.id = r.approved_by "
      "WHERE r.period_id = ? AND r.unit_code = ?",
      {period_id, unit_code});
  if (!row) return std::nullopt;
  UnitReport report;
  std::string status;
  db::read_row(*row, report.id, report.period_id, report.unit_code, status, report.version, report.note, report.return_reason,
               report.updated_at, report.submitted_at, report.approved_at, report.approved_by);
  report.status = parse_status(status).value_or(ReportStatus::draft);
  for (const auto& r : c_.query("SELECT indicator_code, value FROM report_figures WHERE report_id = ?", {report.id}))
    report.figures[r.text(0)] = r.int64(1);
  return report;
}

std::int64_t ReportRepository::insert_report(std::int64_t period_id, const std::string& unit_code, std::optional<std::int64_t> user_id,
                                             std::int64_t now) {
  return c_.query("INSERT INTO unit_reports (period_id, unit_code, status, version, updated_by, updated_at) "
                  "VALUES (?, ?, 'draft', 0, ?, ?) RETURNING id",
                  {period_id, unit_code, db::opt(user_id), now})
      .at(0)
      .int64(0);
}

bool ReportRepository::update_report(const UnitReport& report, std::optional<std::int64_t> user_id,
                                     std::optional<std::int64_t> approver_id, std::int64_t now) {
  return c_.execute("UPDATE unit_reports SET status = ?, version = version + 1, note = ?, return_reason = ?, updated_by = ?, "
                    "updated_at = ?, submitted_at = ?, approved_by = ?, approved_at = ? WHERE id = ? AND version = ?",
                    {std::string(status_slug(report.status)), report.note, report.return_reason, db::opt(user_id), now,
                     db::opt(report.submitted_at), db::opt(approver_id), db::opt(report.approved_at), report.id,
                     std::int64_t{report.version}}) == 1;
}

void ReportRepository::replace_figures(std::int64_t report_id, const Figures& figures) {
  c_.execute("DELETE FROM report_figures WHERE report_id = ?", {report_id});
  for (const auto& [code, value] : figures)
    c_.execute("INSERT INTO report_figures (report_id, indicator_code, value) VALUES (?, ?, ?)", {report_id, code, value});
}

std::map<std::string, ReportStatus> ReportRepository::statuses(std::int64_t period_id) {
  std::map<std::string, ReportStatus> out;
  for (const auto& r : c_.query("SELECT unit_code, status FROM unit_reports WHERE period_id = ?", {period_id}))
    out[r.text(0)] = parse_status(r.text(1)).value_or(ReportStatus::draft);
  return out;
}

std::map<std::string, Figures> ReportRepository::approved_figures(std::int64_t period_id) {
  std::map<std::string, Figures> out;
  for (const auto& r : c_.query("SELECT r.unit_code, f.indicator_code, f.value FROM unit_reports r "
                                "JOIN report_figures f ON f.report_id = r.id WHERE r.period_id = ? AND r.status = 'approved'",
                                {period_id}))
    out[r.text(0)][r.text(1)] = r.int64(2);
  return out;
}

}  // namespace stats
