#include "stats/module.h"

#include "stats/indicator_routes.h"
#include "stats/intake_routes.h"
#include "stats/permissions.h"
#include "stats/report_routes.h"
#include "stats/routes.h"
#include "stats/settings.h"
#include "units/settings.h"

namespace stats {

StatsModule::StatsModule(const web::ModuleContext& context)
    : database_(context.database),
      statistics_(std::make_unique<StatisticsService>(context.database)),
      reports_(std::make_unique<ReportService>(context.database, context.config.section<units::Settings>().province)),
      uplink_worker_(std::make_unique<UplinkWorker>(context.database, context.config.section<Settings>().uplink)),
      uplink_(std::make_unique<UplinkService>(context.database, *reports_, context.config.section<Settings>().uplink,
                                              [worker = uplink_worker_.get()] { worker->notify(); })),
      intake_(std::make_unique<IntakeService>(context.database)) {}

std::vector<web::BackupTable> StatsModule::tables() {
  return {"indicators", "report_periods", "unit_reports", "report_figures",
          // Sent or given up: as they were. Waiting: sent again by the restored installation,
          // which the receiver counts once.
          "report_dispatches", "received_reports", "received_figures"};
}

void StatsModule::register_routes(web::Site& site) {
  register_statistics_routes(site, *statistics_);
  register_report_routes(site, *reports_, *uplink_, database_);
  register_intake_routes(site, *intake_, database_);
  register_indicator_routes(site, *reports_);
}

std::vector<web::BackOfficeLink> StatsModule::back_office_links() const {
  return {{28, "Báo cáo thống kê PBGDPL", "/quan-tri/bao-cao", web::needs(perm::file_reports)},
          {29, "Chỉ tiêu thống kê", "/quan-tri/chi-tieu", web::needs(perm::manage_reporting)},
          {32, "Thống kê tư vấn", "/quan-tri/tu-van/thong-ke", web::needs(perm::view_stats)}};
}

}  // namespace stats
