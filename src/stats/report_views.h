#pragma once
// What the PBGDPL report pages show (templates/stats/reports, period, report) and the JSON of the
// reports API, built from the service's values.
#include "core/spreadsheet.h"
#include "stats/dispatch_repository.h"
#include "stats/report_service.h"

#include <nlohmann/json.hpp>

namespace stats {

std::string periods_url();
std::string period_url(const std::string& period_code);
std::string report_url(const std::string& period_code, const std::string& unit_code);

nlohmann::json periods_view(const std::vector<PeriodLine>& lines);
nlohmann::json overview_view(const PeriodOverview& overview);
// The form; `typed` (indicator code → text) and `problems` refill it after a refused save.
nlohmann::json report_form_view(const ReportForm& form, const std::map<std::string, std::string>& typed,
                                 const std::map<std::string, std::string>& problems);
// A period's sendings upwards, newest first: when, state, attempts, the receiver's word.
nlohmann::json dispatches_view(const std::vector<Dispatch>& dispatches);
// Indicators grouped under their headings with the figures given (`values`): the roll-up tables.
nlohmann::json figure_groups_view(const std::vector<Indicator>& indicators, const Figures& values);

// A period's export (the province's layout): "Tổng hợp", one row per indicator with the approved
// figures of the top unit (summed over the tree) and of each unit directly below it; and "Tình
// hình báo cáo", each unit of the overview with its status and whether it is late.
std::vector<core::Table> period_tables(const PeriodOverview& overview, const ApprovedFigures& approved);

// The tree as GET /api/v1/stats/units gives it: {"code", "name", "level", "children"}.
nlohmann::json unit_tree_json(const units::UnitTree& tree, const std::string& code);

}  // namespace stats
