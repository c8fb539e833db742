#pragma once
// The PBGDPL reports' workflow: the catalogue and the periods, a unit's form (its figures, and
// those the platform counted, for the reporter to confirm), saving and submitting, approving and
// returning, the overview of a period across the tree, and approved figures rolled up. Every
// change is audited in its own transaction; approved reports and locked periods never change.
#include "auth/audit_log.h"
#include "auth/user.h"
#include "core/error.h"
#include "db/database.h"
#include "stats/report_model.h"
#include "stats/report_rules.h"
#include "units/unit_tree.h"
#include "web/figures.h"

#include <map>
#include <string>
#include <vector>

namespace stats {

// A unit's report for a period, as its form shows it.
struct ReportForm {
  ReportPeriod period;
  units::AdminUnit unit;
  std::vector<Indicator> indicators;
  std::optional<UnitReport> report;  // none until the first save
  // What the platform counted for this unit in the period, by indicator code.
  std::map<std::string, std::int64_t> counted;
  bool may_enter = false;    // the actor may enter figures now (right, status and period allow it)
  bool may_decide = false;   // the actor may approve or return it now
  bool has_units_below = false;
  RollUp rolled_up;          // approved figures of the unit and every unit below it
};

// The figure a form starts from: the stored one, else (a report never saved) what the platform
// counted; nullopt when neither.
std::optional<std::int64_t> starting_figure(const ReportForm& form, const std::string& code);

// One line of a period's overview: a unit, its report's state and whether it is late.
struct UnitProgress {
  units::AdminUnit unit;
  int depth = 0;  // below the overview's unit
  std::optional<ReportStatus> status;
  bool late = false;
};

struct PeriodOverview {
  ReportPeriod period;
  units::AdminUnit unit;  // the overview's top
  std::vector<Indicator> indicators;
  std::vector<UnitProgress> units;
  RollUp rolled_up;
  int late_units = 0;
};

// Approved figures of a unit and below for a period, and of each unit directly below it: what is
// sent upwards (stats/exchange.h).
struct ApprovedFigures {
  ReportPeriod period;
  units::AdminUnit unit;
  std::vector<Indicator> indicators;
  RollUp total;
  std::vector<std::pair<units::AdminUnit, RollUp>> below;
};

// The charts' figures: one indicator's approved figures, rolled up, for a unit and each unit
// directly below it in one period, and for the unit in every period (the trend).
struct Dashboard {
  units::AdminUnit unit;
  std::vector<Indicator> indicators;  // the catalogue, to choose from
  Indicator indicator;
  std::vector<ReportPeriod> periods;  // newest first, to choose from
  ReportPeriod period;
  RollUp total;                                                 // the unit in `period`
  std::vector<std::pair<units::AdminUnit, RollUp>> below;       // each unit directly below, in `period`
  std::vector<std::pair<ReportPeriod, RollUp>> trend;           // the unit in every period, oldest first
};

// A period in the list, with the state of a reporter's own unit's report.
struct PeriodLine {
  ReportPeriod period;
  std::optional<ReportStatus> own_status;  // none also for those who do not file reports
  bool own_late = false;
};

class ReportService {
 public:
  // `root_code`: the province whose tree the reports follow ("" when none is configured: every
  // call then answers 503). `sources`: every module's figure sources.
  ReportService(db::Database& database, std::string root_code, std::vector<web::FigureSource> sources = {});
  void set_sources(std::vector<web::FigureSource> sources) { sources_ = std::move(sources); }

  const std::string& root_code() const { return root_code_; }
  units::UnitTree tree();
  ReportActor actor_of(const auth::User& user);

  std::vector<Indicator> indicators(bool with_inactive = false);
  // The figure sources indicators may name (key, Vietnamese label).
  std::vector<std::pair<std::string, std::string>> sources() const;
  // Adds an indicator to the catalogue, or changes one (by its code, which never changes), after
  // check_indicator; audited. A change never touches figures already reported.
  core::Result<Indicator> save_indicator(const Indicator& indicator, bool is_new, const auth::Actor& actor);
  core::Result<std::vector<PeriodLine>> periods(const auth::User& user, const std::string& today);
  // Opens a period by its code ("2026-H2", "2026"): names and dates as standard_period gives,
  // the deadline `due_on` when not empty.
  core::Result<ReportPeriod> open_period(const std::string& code, const std::string& due_on, const auth::Actor& actor);
  core::Result<ReportPeriod> lock_period(const std::string& code, const auth::Actor& actor, std::int64_t now);

  // `unit` "" means the actor's own unit (the root for an admin without one).
  core::Result<PeriodOverview> overview(const auth::User& user, const std::string& period_code, const std::string& unit,
                                        const std::string& today);
  core::Result<ReportForm> form(const auth::User& user, const std::string& period_code, const std::string& unit);

  // Saves the figures typed in a form (`raw`: indicator code → text) and the note; when `submit`,
  // also sends the report for approval. `version` is the one the form was built from (0 for a
  // report never saved). Invalid figures: nothing stored, each problem keyed by indicator code.
  core::Result<UnitReport> save(const auth::User& user, const auth::Actor& actor, const std::string& period_code,
                                const std::string& unit, const std::map<std::string, std::string>& raw, const std::string& note,
                                int version, bool submit, std::int64_t now);
  core::Result<UnitReport> approve(const auth::User& user, const auth::Actor& actor, const std::string& period_code,
                                   const std::string& unit, int version, std::int64_t now);
  // Returns a submitted report to its unit with `reason` (required, at most 2,000 bytes).
  core::Result<UnitReport> send_back(const auth::User& user, const auth::Actor& actor, const std::string& period_code,
                                     const std::string& unit, int version, const std::string& reason, std::int64_t now);

  // The charts for a unit the user may read (`unit` "": as overview()), one indicator (`indicator`
  // "": the first of the catalogue) and one period (`period_code` "": the latest with approved
  // figures, else the newest). 404 for an unknown indicator, period or unit; 409 while no period
  // is open.
  core::Result<Dashboard> dashboard(const auth::User& user, const std::string& unit, const std::string& indicator,
                                    const std::string& period_code);

  // Approved figures of `unit` and below for the period (no permission check: callers decide).
  core::Result<ApprovedFigures> approved(const std::string& period_code, const std::string& unit);
  // The latest period with at least one approved report, if any.
  std::optional<std::string> latest_approved_period();

 private:
  core::Result<void> configured() const;
  // Approves a submitted report (`return_reason` nullopt) or returns it with the reason.
  core::Result<UnitReport> decide(const auth::User& user, const auth::Actor& actor, const std::string& period_code,
                                  const std::string& unit, int version, const std::optional<std::string>& return_reason,
                                  std::int64_t now);
  std::map<std::string, std::int64_t> counted(db::Connection& c, const ReportPeriod& period, const std::vector<Indicator>& indicators,
                                              const std::string& unit);

  db::Database& database_;
  std::string root_code_;
  std::vector<web::FigureSource> sources_;
};

}  // namespace stats
