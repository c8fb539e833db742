#pragma once
// Statistics for officials (admin, moderator, reporter). Consultation: the back-office page
// /quan-tri/tu-van/thong-ke with its CSV and XLSX exports, and /api/v1/stats/consultation for the
// national statistics. Periods are whole days in Vietnam time (stats/period.h).
#include "stats/statistics_service.h"
#include "web/site.h"

namespace stats {

// Register before the consultation back office's /quan-tri/tu-van/{id}: the router takes the
// first pattern that fits.
void register_statistics_routes(web::Site& site, StatisticsService& statistics);

}  // namespace stats
