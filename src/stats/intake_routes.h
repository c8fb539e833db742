#pragma once
// Receiving PBGDPL reports from provinces: POST /api/v1/stats/exchange (a province's system, with
// a stats:submit bearer token: 201 created, 200 replaced or unchanged, 422 for a bad document),
// and the back-office pages /quan-tri/bao-cao-nhan (periods received) and
// /quan-tri/bao-cao-nhan/{period} (each province's report and the sums, each report once).
#include "db/database.h"
#include "stats/intake_service.h"
#include "web/site.h"

namespace stats {

void register_intake_routes(web::Site& site, IntakeService& intake, db::Database& database);

}  // namespace stats
