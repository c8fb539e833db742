#include "stats/module.h"

#include "stats/permissions.h"
#include "stats/routes.h"

namespace stats {

void StatsModule::register_routes(web::Site& site) { register_statistics_routes(site, *statistics_); }

std::vector<web::BackOfficeLink> StatsModule::back_office_links() const {
  return {{32, "Thống kê tư vấn", "/quan-tri/tu-van/thong-ke", web::needs(perm::view_stats)}};
}

}  // namespace stats
