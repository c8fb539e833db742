#pragma once
// What the PBGDPL dashboard shows (templates/stats/dashboard): one indicator's approved figures
// by unit and over the periods, each as an SVG chart (web/charts.h) with its table.
#include "stats/report_service.h"

#include <nlohmann/json.hpp>

namespace stats {

// /quan-tri/bao-cao/bieu-do with the choices that differ from the defaults ("" is left out).
std::string dashboard_url(const std::string& unit, const std::string& indicator, const std::string& period);

nlohmann::json dashboard_view(const Dashboard& dashboard);

}  // namespace stats
