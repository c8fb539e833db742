#pragma once
// The PBGDPL reports in the back office (/quan-tri/bao-cao: periods, a period's overview across
// the tree, a unit's form with its workflow) and the API for machine clients
// (/api/v1/stats/units, /api/v1/stats/reports with a bearer token), and sending a period's
// figures upwards (by hand, and when it is locked). Routes parse and answer; ReportService and
// UplinkService decide who may do what.
#include "stats/report_service.h"
#include "stats/uplink.h"
#include "web/site.h"

namespace stats {

void register_report_routes(web::Site& site, ReportService& reports, UplinkService& uplink, db::Database& database);

}  // namespace stats
