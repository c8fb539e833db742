#pragma once
// A plan as a JSON file, for `phobien import-plan` and the back office's upload (an example:
// content/plans/kh-1655-ubnd.json):
//   {"code": "1655/KH-UBND", "title": "…", "basis": "…", "issued_by": "46", "issued_on": "2023-05-10",
//    "tasks": [{"area": "…", "title": "…", "lead": "46-STP", "partners": "…", "deadline": "2026-06-30",
//               "expected_output": "…"}]}
// A unit is named by its code; a code that starts with "-" ("-STP") is the province's own agency
// (`<province>-STP`), and an empty "issued_by" the province itself, so one file serves any
// province. Pure: units are checked against the tree.
#include "plans/model.h"
#include "units/unit_tree.h"

#include <string>
#include <string_view>
#include <vector>

namespace plans {

struct ParsedPlan {
  Plan plan;
  std::vector<std::string> problems;  // Vietnamese, naming the task ("nhiệm vụ 3: …"); nothing is stored when any
};

// At most 1 MiB of JSON and 500 tasks.
ParsedPlan parse_plan_file(std::string_view json, const units::UnitTree& tree);

}  // namespace plans
