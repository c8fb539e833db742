#include "plans/module.h"

#include "plans/permissions.h"
#include "plans/routes.h"
#include "units/settings.h"

namespace plans {

PlansModule::PlansModule(const web::ModuleContext& context)
    : plans_(std::make_unique<PlanService>(context.database, context.config.section<units::Settings>().province)) {}

void PlansModule::register_routes(web::Site& site) { register_plan_routes(site, *plans_); }

std::vector<web::BackOfficeLink> PlansModule::back_office_links() const {
  return {{25, "Kế hoạch, nhiệm vụ", "/quan-tri/ke-hoach", web::needs(perm::follow_plans)}};
}

}  // namespace plans
