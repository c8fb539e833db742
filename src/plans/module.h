#pragma once
// Plans and their follow-up (/quan-tri/ke-hoach): plans imported from a file (`phobien
// import-plan`, or the back office), their tasks assigned to the province's units with deadlines,
// progress reported with evidence (links, activities, files in <uploads>/plans) by the units,
// overdue tasks marked.
#include "plans/plan_service.h"
#include "web/module.h"

#include <memory>

namespace plans {

class PlansModule : public web::Module {
 public:
  explicit PlansModule(const web::ModuleContext& context);
  std::string_view name() const override { return "plans"; }
  void register_routes(web::Site& site) override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  std::vector<web::Duty> duties() override;
  static std::vector<web::BackupTable> tables() {
    return {"plans", "plan_tasks", "task_progress", "task_progress_files", "plan_reviews"};
  }
  PlanService& service() { return *plans_; }

 private:
  std::unique_ptr<PlanService> plans_;
};

}  // namespace plans
