#pragma once
// Statistics for officials and PBGDPL reporting for state management: the consultation figures
// (pages, CSV/XLSX, JSON), and the PBGDPL reports of the province's units (periods, forms,
// approval up the organisation tree, roll-up, the API for machine clients). Other modules feed
// the reports through their figure sources (web/figures.h), handed over by app.
#include "stats/report_service.h"
#include "stats/statistics_service.h"
#include "web/module.h"

#include <memory>

namespace stats {

class StatsModule : public web::Module {
 public:
  explicit StatsModule(const web::ModuleContext& context);
  std::string_view name() const override { return "stats"; }
  void register_routes(web::Site& site) override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  static std::vector<web::BackupTable> tables() { return {"indicators", "report_periods", "unit_reports", "report_figures"}; }

  // Every module's figure sources, once they are all built.
  void set_figure_sources(std::vector<web::FigureSource> sources) { reports_->set_sources(std::move(sources)); }
  ReportService& reports() { return *reports_; }

 private:
  db::Database& database_;
  std::unique_ptr<StatisticsService> statistics_;
  std::unique_ptr<ReportService> reports_;
};

}  // namespace stats
