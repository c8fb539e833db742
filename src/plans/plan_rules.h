#pragma once
// What makes a plan's details and a task valid, for the plan file (plans/plan_file.h) and the
// back office's forms alike. Pure: units are checked against the province's tree.
#include "plans/model.h"
#include "units/unit_tree.h"

#include <map>
#include <string>

namespace plans {

// Problems keyed by the form's field names (title, basis, issued_by, issued_on), each a
// Vietnamese sentence; empty when the plan's details are valid. The code is checked on import.
std::map<std::string, std::string> plan_problems(const Plan& plan, const units::UnitTree& tree);

// Problems keyed by the form's field names (title, area, lead_unit, partners, deadline,
// expected_output); empty when the task is valid.
std::map<std::string, std::string> task_problems(const PlanTask& task, const units::UnitTree& tree);

}  // namespace plans
