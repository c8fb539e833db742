#pragma once
// What the plan pages show (templates/plans/*), built from PlanService's values.
#include "plans/plan_service.h"

#include <nlohmann/json.hpp>

namespace plans {

inline constexpr const char* kPlansUrl = "/quan-tri/ke-hoach";

// Where an evidence file is downloaded.
std::string evidence_file_url(std::int64_t plan_id, std::int64_t task_id, std::int64_t file_id);

nlohmann::json summaries_view(const std::vector<PlanSummary>& summaries);
nlohmann::json plan_view(const PlanPage& page);
nlohmann::json task_view(const TaskPage& page);
// The status choices, `selected` marked.
nlohmann::json status_options(const std::string& selected);

// The forms of those who manage plans, filled with what the plan says or what was typed; units
// offered from the whole tree.
PlanForm plan_form_of(const Plan& plan);
TaskForm task_form_of(const PlanTask& task);
nlohmann::json plan_form_view(const PlanForm& form, const units::UnitTree& tree);
nlohmann::json task_form_view(const TaskForm& form, const units::UnitTree& tree);

}  // namespace plans
