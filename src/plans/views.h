#pragma once
// What the plan pages show (templates/plans/*), built from PlanService's values.
#include "plans/plan_service.h"

#include <nlohmann/json.hpp>

namespace plans {

inline constexpr const char* kPlansUrl = "/quan-tri/ke-hoach";

nlohmann::json summaries_view(const std::vector<PlanSummary>& summaries);
nlohmann::json plan_view(const PlanPage& page);
nlohmann::json task_view(const TaskPage& page);
// The status choices, `selected` marked.
nlohmann::json status_options(const std::string& selected);

}  // namespace plans
