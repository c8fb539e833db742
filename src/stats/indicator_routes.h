#pragma once
// The catalogue of indicators in the back office (/quan-tri/chi-tieu, admins): the list, adding
// an indicator, and changing one (its code stays; deactivated ones are no longer asked for).
#include "stats/report_service.h"
#include "web/site.h"

namespace stats {

void register_indicator_routes(web::Site& site, ReportService& reports);

}  // namespace stats
