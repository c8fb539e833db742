#pragma once
// All SQL of the PBGDPL reports: indicators, report_periods, unit_reports, report_figures.
#include "db/database.h"
#include "stats/report_model.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stats {

class ReportRepository {
 public:
  explicit ReportRepository(db::Connection& c) : c_(c) {}

  // In catalogue order; inactive ones too when asked.
  std::vector<Indicator> indicators(bool with_inactive = false);
  std::optional<Indicator> find_indicator(const std::string& code);
  void insert_indicator(const Indicator& i);
  void update_indicator(const Indicator& i);  // by code: everything but the code

  // Newest first.
  std::vector<ReportPeriod> periods();
  std::optional<ReportPeriod> find_period(const std::string& code);
  std::int64_t insert_period(const ReportPeriod& p);
  void lock_period(std::int64_t period_id, std::int64_t now);

  // A report with its figures.
  std::optional<UnitReport> find_report(std::int64_t period_id, const std::string& unit_code);
  std::int64_t insert_report(std::int64_t period_id, const std::string& unit_code, std::optional<std::int64_t> user_id, std::int64_t now);
  // Writes the report's status, note, reason and times, only if its version is still
  // `report.version`, which then grows by one; false when someone changed it first.
  bool update_report(const UnitReport& report, std::optional<std::int64_t> user_id, std::optional<std::int64_t> approver_id,
                     std::int64_t now);
  void replace_figures(std::int64_t report_id, const Figures& figures);

  // Every report of a period: unit code → status.
  std::map<std::string, ReportStatus> statuses(std::int64_t period_id);
  // The figures of every approved report of a period, by unit.
  std::map<std::string, Figures> approved_figures(std::int64_t period_id);

 private:
  db::Connection& c_;
};

}  // namespace stats
