#pragma once
// Statistics for officials and PBGDPL reporting for state management: the consultation figures
// (pages, CSV/XLSX, JSON), and the PBGDPL reports of the province's units (periods, forms,
// approval up the organisation tree, roll-up, the API for machine clients), sending approved
// reports upwards through a durable queue, and receiving them from provinces (on a ministry's or
// the national installation). Other modules feed the reports through their figure sources
// (web/figures.h), handed over by app.
#include "stats/intake_service.h"
#include "stats/report_service.h"
#include "stats/statistics_service.h"
#include "stats/uplink.h"
#include "web/module.h"

#include <memory>

namespace stats {

class StatsModule : public web::Module {
 public:
  explicit StatsModule(const web::ModuleContext& context);
  std::string_view name() const override { return "stats"; }
  void register_routes(web::Site& site) override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  void start() override { uplink_worker_->start(); }
  void stop() override { uplink_worker_->stop(); }
  static std::vector<web::BackupTable> tables();

  // Every module's figure sources, once they are all built.
  void set_figure_sources(std::vector<web::FigureSource> sources) { reports_->set_sources(std::move(sources)); }
  ReportService& reports() { return *reports_; }

 private:
  db::Database& database_;
  std::unique_ptr<StatisticsService> statistics_;
  std::unique_ptr<ReportService> reports_;
  std::unique_ptr<UplinkWorker> uplink_worker_;
  std::unique_ptr<UplinkService> uplink_;
  std::unique_ptr<IntakeService> intake_;
};

}  // namespace stats
