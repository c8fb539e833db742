#pragma once
// View models of the statistics: the back-office page (mustache) and the JSON of the API.
#include "stats/consultation_figures.h"
#include "stats/period.h"

#include <nlohmann/json.hpp>

namespace stats {

// The page is at `page_path` (its exports add .csv and .xlsx); `link_questions` links each
// overdue question to its back-office page (for those who may open it).
nlohmann::json consultation_page_view(const ConsultationFigures& s, const PeriodChoice& p, const std::string& page_path,
                                      bool link_questions);
nlohmann::json consultation_api_view(const ConsultationFigures& s, const PeriodChoice& p);

}  // namespace stats
