#pragma once
// Plans in the back office: /quan-tri/ke-hoach (the plans with their progress; admins import a
// plan file), a plan's tasks (?qua-han=1: the overdue ones), a task with its progress reports and
// the form to report. Routes parse and answer; PlanService decides.
#include "plans/plan_service.h"
#include "web/site.h"

namespace plans {

void register_plan_routes(web::Site& site, PlanService& plans);

}  // namespace plans
