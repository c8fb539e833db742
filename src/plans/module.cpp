#include "plans/module.h"

#include "plans/api_routes.h"
#include "plans/permissions.h"
#include "plans/routes.h"
#include "units/settings.h"

namespace plans {

PlansModule::PlansModule(const web::ModuleContext& context)
    : plans_(std::make_unique<PlanService>(context.database, context.config.section<units::Settings>().province,
                                           context.config.uploads_dir() + "/plans")) {}

void PlansModule::register_routes(web::Site& site) {
  register_plan_routes(site, *plans_);
  register_plan_api_routes(site, *plans_);
}

// Evidence files that no report references (a crash between the file and its report) go once
// a day old.
std::vector<web::Duty> PlansModule::duties() {
  return {{"plans.orphan_files", std::chrono::hours(1), [this](std::int64_t now) { plans_->remove_orphan_files(now); }}};
}

std::vector<web::BackOfficeLink> PlansModule::back_office_links() const {
  return {{25, "Kế hoạch, nhiệm vụ", "/quan-tri/ke-hoach", web::needs(perm::follow_plans)}};
}

}  // namespace plans
