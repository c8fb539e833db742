#pragma once
// Plans and their follow-up: importing a plan (all or nothing), the list of plans with their
// progress, a plan's tasks with the overdue ones marked, progress reports with evidence, and
// inspections and evaluations of how the units carry it out.
// Anyone who files reports reads the plans; a task's progress is reported by its lead unit's
// people (or those above it, or an admin: outreach/rules.h), and a task is reported done only
// with evidence (a link, an activity of the log, or files: PDF or images, checked and stripped
// of personal metadata as citizens' attachments are, core/attachment.h). Every change is audited.
#include "auth/audit_log.h"
#include "auth/user.h"
#include "core/attachment.h"
#include "core/error.h"
#include "core/file_store.h"
#include "db/database.h"
#include "plans/plan_repository.h"
#include "units/unit_tree.h"

#include <string>
#include <vector>

namespace plans {

struct TaskLine {
  PlanTask task;
  std::string lead_name;
  bool overdue = false;
  bool may_report = false;
};

struct ReviewLine {
  Review review;
  std::string unit_name;
};

struct PlanPage {
  Plan plan;  // tasks in `lines`
  std::string issuer_name;
  std::vector<TaskLine> lines;
  int done = 0, overdue = 0;
  std::vector<ReviewLine> reviews;   // newest first
  std::vector<std::string> units;    // those the person may record a review of (tree order)
  units::UnitTree tree;
};

struct TaskPage {
  Plan plan;  // without tasks
  TaskLine line;
  std::vector<Progress> progress;
  units::UnitTree tree;
};

// What an admin types to correct a plan's details or a task (plans/plan_rules.h checks them).
struct PlanForm {
  std::string title, basis, issued_by, issued_on;
};
struct TaskForm {
  std::string area, title, lead_unit, partners, deadline, expected_output;
};

struct ProgressForm {
  std::string status, note, evidence_url, activity_id;
  std::vector<core::AttachmentUpload> files;  // at most 3 of 5 MB (core::AttachmentPolicy)
};

struct ReviewForm {
  std::string kind, held_on, unit_code, findings, rating, recommendations;
};

class PlanService {
 public:
  // `files_dir`: where evidence files are kept (<uploads>/plans).
  PlanService(db::Database& database, std::string root_code, std::string files_dir)
      : database_(database), root_code_(std::move(root_code)), files_(std::move(files_dir)) {}

  // A plan file (plans/plan_file.h): 422 listing its problems, 409 when a plan with its code exists.
  core::Result<Plan> import(std::string_view json, const auth::Actor& actor, std::int64_t now);
  std::vector<PlanSummary> summaries(const std::string& today);
  // `only_overdue`: the tasks past their deadline and not done.
  core::Result<PlanPage> plan(const auth::User& user, std::int64_t id, const std::string& today, bool only_overdue);
  core::Result<TaskPage> task(const auth::User& user, std::int64_t task_id, const std::string& today);
  // 403 for someone who does not answer for the task's lead unit; 422 with the fields (a refused
  // file under "files"). Files are written before the report's transaction and removed again if
  // it fails.
  core::Result<Progress> report(const auth::User& user, const auth::Actor& actor, std::int64_t task_id, const ProgressForm& form,
                                std::int64_t now);
  // An inspection or evaluation of a unit the person oversees (404 for an unknown plan; 422 with
  // the fields: a kind, a day not after today, a unit, findings of 3–4,000 bytes, a rating or
  // none, recommendations of at most 4,000).
  core::Result<Review> review(const auth::User& user, const auth::Actor& actor, std::int64_t plan_id, const ReviewForm& form,
                              std::int64_t now);
  // Corrections by those who manage plans (the route checks the permission), each audited: 404
  // for a plan or task that is not there (or a task of another plan), 422 with the fields.
  core::Result<Plan> update_plan(const auth::Actor& actor, std::int64_t plan_id, const PlanForm& form);
  // The new task comes after the plan's last one, not started.
  core::Result<PlanTask> add_task(const auth::Actor& actor, std::int64_t plan_id, const TaskForm& form, std::int64_t now);
  // What the plan says of the task; its status and reports stay.
  core::Result<PlanTask> update_task(const auth::Actor& actor, std::int64_t plan_id, std::int64_t task_id, const TaskForm& form,
                                     std::int64_t now);
  // Only a task nobody has reported on (409 otherwise: its reports are the units' record).
  core::Result<void> remove_task(const auth::Actor& actor, std::int64_t plan_id, std::int64_t task_id);

  // An evidence file of one of the task's reports (404 otherwise), and where it is.
  core::Result<core::StoredFile> evidence_file(std::int64_t task_id, std::int64_t file_id);
  const core::FileStore& files() const { return files_; }
  // Deletes files no report references, once a day old (a crash between writing a file and
  // committing its report leaves one). Returns how many.
  int remove_orphan_files(std::int64_t now);

 private:
  units::UnitTree tree_of(db::Connection& c) const;  // empty while no province is configured

  db::Database& database_;
  std::string root_code_;
  core::FileStore files_;
};

}  // namespace plans
