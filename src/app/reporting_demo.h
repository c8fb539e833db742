#pragma once
// Demo content of the PBGDPL reports, for `make run`: the configured province's agencies, demo
// accounts (reporters of the Department of Justice and of three communes, the provincial
// approver; passwords printed once), the previous half-year with reports approved, submitted and
// returned, and the current half-year open; legal reporters and propagandists (one relieved,
// one with a training) and activities of the communes, led by them; the seed's own plan (KH 1655)
// with the Department of Justice's first progress reports. Through the same services
// people use; once per database (a settings marker), and only when the province and its units
// are there.
#include "auth/auth_service.h"
#include "db/database.h"
#include "outreach/module.h"
#include "plans/plan_service.h"
#include "stats/report_service.h"

namespace app {

void seed_reporting_demo(db::Database& database, auth::AuthService& auth, stats::ReportService& reports, outreach::OutreachModule& outreach,
                         plans::PlanService& plans, std::int64_t now);

}  // namespace app
