#pragma once
// The JSON API of plans, for programs working for a signed-in official who follows the plans:
//   GET /api/v1/plans                       plans with their tasks counted (done, overdue)
//   GET /api/v1/plans/{id}?overdue=true     a plan, its tasks (each with its status and whether it
//                                           is overdue) and its inspections and evaluations
//   GET /api/v1/plans/{id}/tasks/{task}     a task with its progress reports and their evidence
#include "plans/plan_service.h"
#include "web/site.h"

namespace plans {

void register_plan_api_routes(web::Site& site, PlanService& plans);

}  // namespace plans
