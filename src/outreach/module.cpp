#include "outreach/module.h"

#include "outreach/activity_routes.h"
#include "outreach/api_routes.h"
#include "outreach/commendation_routes.h"
#include "outreach/permissions.h"
#include "outreach/registry_routes.h"
#include "units/settings.h"

namespace outreach {

OutreachModule::OutreachModule(const web::ModuleContext& context, learning::CourseService& courses)
    : registry_(std::make_unique<ReporterRegistry>(context.database, context.config.section<units::Settings>().province, courses)),
      activities_(std::make_unique<ActivityLog>(context.database, context.config.section<units::Settings>().province)),
      commendations_(std::make_unique<CommendationService>(context.database, context.changes, context.config.section<units::Settings>().province)) {}

void OutreachModule::register_routes(web::Site& site) {
  register_registry_routes(site, *registry_);
  register_activity_routes(site, *activities_, *registry_);
  register_commendation_routes(site, *commendations_);
  register_outreach_api_routes(site, *registry_, *activities_);
}

std::vector<web::MenuEntry> OutreachModule::public_menu() const { return {{170, "Tôn vinh", "/ton-vinh"}}; }

std::vector<web::BackOfficeLink> OutreachModule::back_office_links() const {
  return {{26, "Hoạt động phổ biến pháp luật", "/quan-tri/hoat-dong", web::needs(perm::record_activities)},
          {27, "Báo cáo viên, tuyên truyền viên", "/quan-tri/bao-cao-vien", web::needs(perm::record_activities)},
          {31, "Khen thưởng, tôn vinh", "/quan-tri/khen-thuong", web::needs(perm::record_activities)}};
}

std::vector<web::FigureSource> OutreachModule::figure_sources() const {
  auto sources = activity_figures();
  for (auto& s : registry_figures()) sources.push_back(std::move(s));
  return sources;
}

}  // namespace outreach
