#pragma once
// Statistics for officials and the national reporting on PBGDPL: figures by source and period,
// as pages, CSV/XLSX exports and JSON. Today's source is online consultation; the coming
// contests, courses, reporters and plans add theirs to StatisticsService.
#include "stats/statistics_service.h"
#include "web/module.h"

#include <memory>

namespace stats {

class StatsModule : public web::Module {
 public:
  explicit StatsModule(const web::ModuleContext& context)
      : statistics_(std::make_unique<StatisticsService>(context.database)) {}
  std::string_view name() const override { return "stats"; }
  void register_routes(web::Site& site) override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  static std::vector<web::BackupTable> tables() { return {}; }  // reads other modules' tables

 private:
  std::unique_ptr<StatisticsService> statistics_;
};

}  // namespace stats
