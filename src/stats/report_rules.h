#pragma once
// The rules of the PBGDPL reports that need no database: reading and checking a form's figures,
// who may read, enter and approve which unit's report, the workflow's steps, rolling approved
// figures up the organisation tree, and the usual periods. Pure functions, unit-tested.
#include "auth/role.h"
#include "stats/report_model.h"
#include "units/unit_tree.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stats {

// The largest figure accepted: funding in đồng fits with room to spare.
inline constexpr std::int64_t kMaxFigure = 999'999'999'999'999;

// A form's figures, read: every active indicator gets a value (blank is 0) or a Vietnamese
// problem keyed by the indicator's code. Whole numbers only, written plainly ("1200") or grouped
// in thousands with dots or spaces ("1.200.000"); not negative; a part ("Trong đó: …") not
// larger than its total.
struct ReadFigures {
  Figures figures;
  std::map<std::string, std::string> problems;
};
ReadFigures read_figures(const std::vector<Indicator>& indicators, const std::map<std::string, std::string>& raw);
// The same checks for figures that are already numbers (imports, the API).
std::map<std::string, std::string> check_figures(const std::vector<Indicator>& indicators, const Figures& figures);

// An indicator as the catalogue's editor sends it, checked against the catalogue: a code of
// A–Z, 0–9 and "_" (at most 40) not yet used (`is_new`), a group and a name (1–300 bytes), a
// measure (1–50), a total it is part of that exists, is not itself and is not a part, a source
// among `source_keys`, a position 0–100000. Problems in Vietnamese, keyed by field.
std::map<std::string, std::string> check_indicator(const Indicator& indicator, const std::vector<Indicator>& catalogue,
                                                   const std::vector<std::string>& source_keys, bool is_new);

// Who is acting: their role and the unit they work for.
struct ReportActor {
  auth::Role role = auth::Role::citizen;
  std::optional<std::string> unit;
};

// Reading a unit's report and its roll-up: admins any unit of the tree; reporters and approvers
// their own unit and those below it.
bool can_read(const ReportActor& actor, const units::UnitTree& tree, const std::string& unit);
// Entering figures: a reporter of that very unit, or an admin.
bool can_enter(const ReportActor& actor, const units::UnitTree& tree, const std::string& unit);
// Approving or returning: an approver of a unit above it, or an admin.
bool can_approve(const ReportActor& actor, const units::UnitTree& tree, const std::string& unit);

// The workflow: figures change while a report is a draft or returned; it is submitted from
// those; approved or returned from submitted. An approved report, and every report of a locked
// period, no longer changes.
bool editable(ReportStatus s);
bool can_submit(ReportStatus s);
bool can_decide(ReportStatus s);

// Approved figures summed over `unit` and every unit below it (each unit's own report counted
// once), with how many units that covers and how many of them have an approved report.
struct RollUp {
  Figures totals;
  int units = 0;
  int approved = 0;
};
RollUp roll_up(const units::UnitTree& tree, const std::map<std::string, Figures>& approved, const std::string& unit);

// "2026-H1" → 6 tháng đầu năm 2026, 2026-01-01 … 2026-06-30, due 2026-07-15; "2026-H2" → the
// second half; "2026" → the year, due 2027-01-15. Nullopt for any other code.
std::optional<ReportPeriod> standard_period(const std::string& code);

// A unit is late when the deadline has passed (`today` > due_on, both "YYYY-MM-DD") and its
// report is neither submitted nor approved.
bool late(const ReportPeriod& period, std::optional<ReportStatus> status, const std::string& today);

}  // namespace stats
