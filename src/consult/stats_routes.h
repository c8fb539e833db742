#pragma once
// Consultation figures for officials (admin, moderator, reporter): the back-office page
// /quan-tri/tu-van/thong-ke with its CSV and XLSX exports, and /api/v1/stats/consultation for the
// national statistics. Periods are whole days in Vietnam time.
#include "consult/consult_stats.h"
#include "db/database.h"
#include "web/site.h"

#include <optional>
#include <string>
#include <variant>

namespace consult {

// The period named by two dates "YYYY-MM-DD" (inclusive, Vietnam time); an absent date defaults
// to the current year to date. A Vietnamese message when a date is malformed or they are out of order.
struct PeriodChoice {
  StatsPeriod period;
  std::string from_date;  // "2026-01-01"
  std::string to_date;    // "2026-11-29", inclusive
};
std::variant<PeriodChoice, std::string> choose_period(const std::optional<std::string>& from,
                                                      const std::optional<std::string>& to, std::int64_t now);

// Register before the consultation back office's /quan-tri/tu-van/{id}: the router takes the
// first pattern that fits.
void register_consult_stats_routes(web::Site& site, db::Database& database);

}  // namespace consult
