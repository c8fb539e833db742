#pragma once
// All SQL of plans: plans, plan_tasks, task_progress (migration 0025), plan_reviews (0026) and
// task_progress_files (0028).
#include "db/database.h"
#include "plans/model.h"

#include <optional>
#include <string>
#include <vector>

namespace plans {

// A plan in the list with its tasks counted (`today`: what is overdue).
struct PlanSummary {
  Plan plan;  // without tasks
  int tasks = 0, done = 0, overdue = 0;
};

class PlanRepository {
 public:
  explicit PlanRepository(db::Connection& c) : c_(c) {}

  std::optional<std::int64_t> find_id(const std::string& code);
  // Inserts the plan and its tasks (throws db::ConstraintError when its code came in first).
  std::int64_t insert(const Plan& plan, std::int64_t now);
  std::vector<PlanSummary> summaries(const std::string& today);
  // With its tasks in the plan's order.
  std::optional<Plan> find(std::int64_t id);
  std::optional<PlanTask> find_task(std::int64_t task_id);
  // The plan's details (title, basis, issuer, date), not its code or tasks.
  void update_details(const Plan& plan);
  // Appends the task after the plan's last one; returns its id.
  std::int64_t add_task(std::int64_t plan_id, const PlanTask& task, std::int64_t now);
  // What the plan says of the task (not its status or position).
  void update_task(const PlanTask& task, std::int64_t now);
  void remove_task(std::int64_t task_id);
  bool has_progress(std::int64_t task_id);
  // Newest first, each with its files.
  std::vector<Progress> progress(std::int64_t task_id);
  // Records a report with its files (already in the store) and sets the task's status, in the
  // caller's transaction; returns the report's id.
  std::int64_t add_progress(const Progress& p, std::optional<std::int64_t> user_id, std::int64_t now);
  // A file of one of the task's reports.
  std::optional<core::StoredFile> find_file(std::int64_t task_id, std::int64_t file_id);
  // Every file name the reports reference (the rest of the store's directory is orphaned).
  std::vector<std::string> file_names();
  std::vector<Review> reviews(std::int64_t plan_id);
  void add_review(const Review& r, std::optional<std::int64_t> user_id, std::int64_t now);
  // Whether the activity exists (evidence must).
  bool activity_exists(std::int64_t activity_id);

 private:
  db::Connection& c_;
};

}  // namespace plans
