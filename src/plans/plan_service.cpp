#include "plans/plan_service.h"

#include "core/time.h"
#include "core/utf8.h"
#include "outreach/scope.h"
#include "plans/plan_file.h"
#include "plans/plan_rules.h"

#include <fmt/format.h>

namespace plans {

namespace {

core::ServiceError no_plan() { return core::ServiceError::not_found("Không có kế hoạch hoặc nhiệm vụ này."); }

std::string unit_name(const units::UnitTree& tree, const std::string& code) {
  const auto* unit = tree.find(code);
  return unit ? unit->name : code;
}

TaskLine line_of(const PlanTask& task, const units::UnitTree& tree, const outreach::OutreachActor& actor, const std::string& today) {
  return {task, unit_name(tree, task.lead_unit), overdue(task, today), outreach::may_act_on(actor, tree, task.lead_unit)};
}

}  // namespace

units::UnitTree PlanService::tree_of(db::Connection& c) const {
  return root_code_.empty() ? units::UnitTree{} : units::UnitRegistry::tree(c, root_code_);
}

core::Result<Plan> PlanService::import(std::string_view json, const auth::Actor& actor, std::int64_t now) {
  auto c = database_.acquire();
  const auto tree = tree_of(*c);
  auto parsed = parse_plan_file(json, tree);
  if (!parsed.problems.empty()) {
    std::string message = fmt::format("Tệp kế hoạch có {} lỗi nên chưa nhập gì:", parsed.problems.size());
    for (std::size_t i = 0; i < parsed.problems.size() && i < 20; ++i) message += "\n- " + parsed.problems[i];
    return core::fail(core::ServiceError::invalid(message));
  }
  PlanRepository repo(*c);
  if (repo.find_id(parsed.plan.code)) return core::fail(core::ServiceError::conflict("Đã có kế hoạch số " + parsed.plan.code + "."));
  try {
    db::Transaction tx(*c);
    parsed.plan.id = repo.insert(parsed.plan, now);
    auth::record_audit(*c, actor, "plan.import", "plan:" + std::to_string(parsed.plan.id),
                       fmt::format("{} ({} nhiệm vụ)", parsed.plan.code, parsed.plan.tasks.size()));
    tx.commit();
  } catch (const db::ConstraintError&) {
    return core::fail(core::ServiceError::conflict("Đã có kế hoạch số " + parsed.plan.code + "."));
  }
  return parsed.plan;
}

std::vector<PlanSummary> PlanService::summaries(const std::string& today) {
  auto c = database_.acquire();
  return PlanRepository(*c).summaries(today);
}

core::Result<PlanPage> PlanService::plan(const auth::User& user, std::int64_t id, const std::string& today, bool only_overdue) {
  auto c = database_.acquire();
  auto plan = PlanRepository(*c).find(id);
  if (!plan) return core::fail(no_plan());
  const auto scope = outreach::scope_of(*c, root_code_, user);
  PlanPage out{*plan, unit_name(scope.tree, plan->issued_by), {}, 0, 0, {}, outreach::units_in_view(scope.actor, scope.tree), scope.tree};
  for (auto& r : PlanRepository(*c).reviews(id)) out.reviews.push_back({r, unit_name(scope.tree, r.unit_code)});
  out.plan.tasks.clear();
  for (const auto& task : plan->tasks) {
    auto line = line_of(task, scope.tree, scope.actor, today);
    out.done += task.status == TaskStatus::done ? 1 : 0;
    out.overdue += line.overdue ? 1 : 0;
    if (!only_overdue || line.overdue) out.lines.push_back(std::move(line));
  }
  return out;
}

core::Result<TaskPage> PlanService::task(const auth::User& user, std::int64_t task_id, const std::string& today) {
  auto c = database_.acquire();
  PlanRepository repo(*c);
  auto task = repo.find_task(task_id);
  if (!task) return core::fail(no_plan());
  auto plan = repo.find(task->plan_id);
  if (!plan) return core::fail(no_plan());
  plan->tasks.clear();
  const auto scope = outreach::scope_of(*c, root_code_, user);
  return TaskPage{*plan, line_of(*task, scope.tree, scope.actor, today), repo.progress(task_id), scope.tree};
}

core::Result<Progress> PlanService::report(const auth::User& user, const auth::Actor& actor, std::int64_t task_id, const ProgressForm& form,
                                           std::int64_t now) {
  auto c = database_.acquire();
  PlanRepository repo(*c);
  auto task = repo.find_task(task_id);
  if (!task) return core::fail(no_plan());
  const auto scope = outreach::scope_of(*c, root_code_, user);
  if (!outreach::may_act_on(scope.actor, scope.tree, task->lead_unit))
    return core::fail(core::ServiceError::forbidden("Chỉ đơn vị chủ trì nhiệm vụ (hoặc cấp trên của đơn vị) báo cáo tiến độ."));
  std::map<std::string, std::string> problems;
  Progress p;
  p.task_id = task_id;
  if (auto status = parse_task_status(form.status)) p.status = *status;
  else problems["status"] = "Hãy chọn tình trạng của nhiệm vụ.";
  p.note = core::clean_text(form.note);
  if (p.note.size() < 3 || p.note.size() > 2000) problems["note"] = "Nội dung báo cáo phải có từ 3 đến 2.000 ký tự.";
  p.evidence_url = core::clean_text(form.evidence_url);
  if (!p.evidence_url.empty() && (!(p.evidence_url.starts_with("https://") || p.evidence_url.starts_with("http://")) ||
                                  p.evidence_url.size() > 500 || p.evidence_url.find(' ') != std::string::npos))
    problems["evidence_url"] = "Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https:// (tối đa 500 ký tự).";
  if (!form.activity_id.empty()) {
    auto id = form.activity_id.size() <= 12 && form.activity_id.find_first_not_of("0123456789") == std::string::npos
                  ? std::optional<std::int64_t>(std::stoll(form.activity_id))
                  : std::nullopt;
    if (!id || !repo.activity_exists(*id)) problems["activity_id"] = "Không có hoạt động mang số này trong sổ hoạt động.";
    else p.activity_id = id;
  }
  auto cleaned = core::clean_attachments(form.files);
  if (!cleaned) problems["files"] = cleaned.error().message;
  if (p.status == TaskStatus::done && p.evidence_url.empty() && !p.activity_id && (!cleaned || cleaned->empty()) &&
      !problems.contains("activity_id") && !problems.contains("evidence_url") && !problems.contains("files"))
    problems["evidence_url"] = "Báo cáo hoàn thành cần minh chứng: một đường dẫn, số của hoạt động đã ghi nhận hoặc tệp đính kèm.";
  if (!problems.empty()) return core::fail(core::ServiceError::invalid("Báo cáo tiến độ chưa hợp lệ: xem từng mục.", problems));
  // The files go to disk first; the rows that make them reachable are part of the report's
  // transaction, and the files go again if it fails.
  core::PendingFiles pending(files_);
  std::string detail(status_slug(p.status));
  for (const auto& file : *cleaned) {
    pending.files.push_back({0, file.display_name, files_.write(file.data, file.extension), file.content_type,
                             static_cast<std::int64_t>(file.data.size())});
    detail += "; " + file.display_name;
    for (std::size_t i = 0; i < file.removed.size(); ++i) detail += (i ? ", " : " (đã xoá ") + file.removed[i];
    if (!file.removed.empty()) detail += ")";
  }
  p.files = pending.files;
  db::Transaction tx(*c);
  p.id = repo.add_progress(p, actor.user_id, now);
  auth::record_audit(*c, actor, "plan_task.progress", "plan_task:" + std::to_string(task_id), detail);
  tx.commit();
  pending.keep();
  p.reported_at = now;
  return p;
}

namespace {

PlanTask task_of(const TaskForm& form) {
  PlanTask t;
  t.area = core::clean_text(form.area);
  t.title = core::clean_text(form.title);
  t.lead_unit = form.lead_unit;
  t.partners = core::clean_text(form.partners);
  t.deadline = form.deadline;
  t.expected_output = core::clean_text(form.expected_output);
  return t;
}

core::ServiceError invalid_task(std::map<std::string, std::string> problems) {
  return core::ServiceError::invalid("Nhiệm vụ chưa hợp lệ: xem từng mục.", std::move(problems));
}

}  // namespace

core::Result<Plan> PlanService::update_plan(const auth::Actor& actor, std::int64_t plan_id, const PlanForm& form) {
  auto c = database_.acquire();
  PlanRepository repo(*c);
  auto plan = repo.find(plan_id);
  if (!plan) return core::fail(no_plan());
  plan->title = core::clean_text(form.title);
  plan->basis = core::clean_text(form.basis);
  plan->issued_by = form.issued_by;
  plan->issued_on = form.issued_on;
  auto problems = plan_problems(*plan, tree_of(*c));
  if (!problems.empty()) return core::fail(core::ServiceError::invalid("Thông tin kế hoạch chưa hợp lệ: xem từng mục.", problems));
  db::Transaction tx(*c);
  repo.update_details(*plan);
  auth::record_audit(*c, actor, "plan.update", "plan:" + std::to_string(plan_id), plan->code);
  tx.commit();
  return *plan;
}

core::Result<PlanTask> PlanService::add_task(const auth::Actor& actor, std::int64_t plan_id, const TaskForm& form, std::int64_t now) {
  auto c = database_.acquire();
  PlanRepository repo(*c);
  if (!repo.find(plan_id)) return core::fail(no_plan());
  auto task = task_of(form);
  task.plan_id = plan_id;
  if (auto problems = task_problems(task, tree_of(*c)); !problems.empty())
    return core::fail(invalid_task(std::move(problems)));
  db::Transaction tx(*c);
  task.id = repo.add_task(plan_id, task, now);
  auth::record_audit(*c, actor, "plan_task.add", "plan_task:" + std::to_string(task.id), task.title);
  tx.commit();
  return *repo.find_task(task.id);
}

core::Result<PlanTask> PlanService::update_task(const auth::Actor& actor, std::int64_t plan_id, std::int64_t task_id, const TaskForm& form,
                                                std::int64_t now) {
  auto c = database_.acquire();
  PlanRepository repo(*c);
  auto before = repo.find_task(task_id);
  if (!before || before->plan_id != plan_id) return core::fail(no_plan());
  auto task = task_of(form);
  task.id = task_id;
  task.plan_id = plan_id;
  if (auto problems = task_problems(task, tree_of(*c)); !problems.empty())
    return core::fail(invalid_task(std::move(problems)));
  std::string detail;
  if (before->lead_unit != task.lead_unit) detail += "chủ trì " + before->lead_unit + " → " + task.lead_unit + "; ";
  if (before->deadline != task.deadline) detail += "thời hạn " + before->deadline + " → " + task.deadline + "; ";
  detail += task.title;
  db::Transaction tx(*c);
  repo.update_task(task, now);
  auth::record_audit(*c, actor, "plan_task.update", "plan_task:" + std::to_string(task_id), detail);
  tx.commit();
  return *repo.find_task(task_id);
}

core::Result<void> PlanService::remove_task(const auth::Actor& actor, std::int64_t plan_id, std::int64_t task_id) {
  auto c = database_.acquire();
  PlanRepository repo(*c);
  auto task = repo.find_task(task_id);
  if (!task || task->plan_id != plan_id) return core::fail(no_plan());
  db::Transaction tx(*c);
  if (repo.has_progress(task_id))
    return core::fail(core::ServiceError::conflict("Nhiệm vụ đã có báo cáo tiến độ nên không xoá được; hãy sửa nhiệm vụ nếu cần."));
  repo.remove_task(task_id);
  auth::record_audit(*c, actor, "plan_task.remove", "plan:" + std::to_string(plan_id), task->title);
  tx.commit();
  return {};
}

core::Result<core::StoredFile> PlanService::evidence_file(std::int64_t task_id, std::int64_t file_id) {
  auto c = database_.acquire();
  auto file = PlanRepository(*c).find_file(task_id, file_id);
  if (!file) return core::fail(core::ServiceError::not_found("Không có tệp minh chứng này."));
  return *file;
}

int PlanService::remove_orphan_files(std::int64_t now) {
  auto names = PlanRepository(*database_.acquire()).file_names();
  return files_.remove_orphans(names, now - core::kOrphanGraceSeconds);
}

core::Result<Review> PlanService::review(const auth::User& user, const auth::Actor& actor, std::int64_t plan_id, const ReviewForm& form,
                                         std::int64_t now) {
  auto c = database_.acquire();
  PlanRepository repo(*c);
  if (!repo.find(plan_id)) return core::fail(no_plan());
  const auto scope = outreach::scope_of(*c, root_code_, user);
  std::map<std::string, std::string> problems;
  Review r;
  r.plan_id = plan_id;
  if (auto kind = parse_review_kind(form.kind)) r.kind = *kind;
  else problems["kind"] = "Hãy chọn hình thức: kiểm tra, sơ kết, tổng kết hoặc đánh giá.";
  r.held_on = form.held_on;
  if (!core::parse_vn_iso_date(r.held_on) || r.held_on > core::format_vn_iso_date(now)) problems["held_on"] = "Ngày thực hiện phải là một ngày không sau hôm nay.";
  r.unit_code = form.unit_code;
  if (!outreach::may_act_on(scope.actor, scope.tree, r.unit_code)) problems["unit_code"] = "Hãy chọn một đơn vị bạn phụ trách.";
  r.findings = core::clean_text(form.findings);
  if (r.findings.size() < 3 || r.findings.size() > 4000) problems["findings"] = "Kết quả kiểm tra, đánh giá phải có từ 3 đến 4.000 ký tự.";
  if (auto rating = parse_rating(form.rating)) r.rating = *rating;
  else problems["rating"] = "Hãy chọn một mức xếp loại trong danh sách.";
  r.recommendations = core::clean_text(form.recommendations);
  if (r.recommendations.size() > 4000) problems["recommendations"] = "Kiến nghị tối đa 4.000 ký tự.";
  if (!problems.empty()) return core::fail(core::ServiceError::invalid("Kết quả kiểm tra, đánh giá chưa hợp lệ: xem từng mục.", problems));
  db::Transaction tx(*c);
  repo.add_review(r, actor.user_id, now);
  auth::record_audit(*c, actor, "plan.review", "plan:" + std::to_string(plan_id), std::string(review_slug(r.kind)) + " " + r.unit_code);
  tx.commit();
  r.recorded_at = now;
  return r;
}

}  // namespace plans
