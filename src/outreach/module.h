#pragma once
// The province's PBGDPL staff and activities: the registry of legal reporters and propagandists
// (/quan-tri/bao-cao-vien), the log of dissemination activities (/quan-tri/hoat-dong) and the
// commendations of units and people (/quan-tri/khen-thuong). The registry and the log feed the
// PBGDPL reports: activities held and their participants, and the people serving.
#include "learning/courses.h"
#include "outreach/activity_service.h"
#include "outreach/commendation_service.h"
#include "outreach/registry_service.h"
#include "web/module.h"

#include <memory>

namespace outreach {

class OutreachModule : public web::Module {
 public:
  OutreachModule(const web::ModuleContext& context, learning::CourseService& courses);
  std::string_view name() const override { return "outreach"; }
  void register_routes(web::Site& site) override;
  std::vector<web::MenuEntry> public_menu() const override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  std::vector<web::FigureSource> figure_sources() const override;
  ReporterRegistry& registry() { return *registry_; }
  ActivityLog& activities() { return *activities_; }
  CommendationService& commendations() { return *commendations_; }
  static std::vector<web::BackupTable> tables() {
    return {"legal_reporters", "reporter_trainings", "outreach_activities", "activity_leaders", "commendations"};
  }

 private:
  std::unique_ptr<ReporterRegistry> registry_;
  std::unique_ptr<ActivityLog> activities_;
  std::unique_ptr<CommendationService> commendations_;
};

}  // namespace outreach
