#include "plans/plan_repository.h"

#include "db/rows.h"

#include <map>

namespace plans {

namespace {

constexpr const char* kTaskColumns =
    "id, plan_id, position, area, title, lead_unit, partners, deadline, expected_output, status, updated_at";

PlanTask read_task(const db::Row& r) {
  PlanTask t;
  std::string status;
  db::read_row(r, t.id, t.plan_id, t.position, t.area, t.title, t.lead_unit, t.partners, t.deadline, t.expected_output, status, t.updated_at);
  t.status = parse_task_status(status).value_or(TaskStatus::not_started);
  return t;
}

const auto read_plan = db::into<Plan>(&Plan::id, &Plan::code, &Plan::title, &Plan::basis, &Plan::issued_by, &Plan::issued_on);

}  // namespace

std::optional<std::int64_t> PlanRepository::find_id(const std::string& code) {
  auto r = c_.query_one("SELECT id FROM plans WHERE code = ?", {code});
  if (!r) return std::nullopt;
  return r->int64(0);
}

std::int64_t PlanRepository::insert(const Plan& plan, std::int64_t now) {
  auto id = c_.query_int("INSERT INTO plans (code, title, basis, issued_by, issued_on, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                         {plan.code, plan.title, plan.basis, plan.issued_by, plan.issued_on, now});
  for (const auto& t : plan.tasks)
    c_.execute(
        "INSERT INTO plan_tasks (plan_id, position, area, title, lead_unit, partners, deadline, expected_output, status, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, std::int64_t{t.position}, t.area, t.title, t.lead_unit, t.partners, t.deadline, t.expected_output,
         std::string(status_slug(t.status)), now});
  return id;
}

std::vector<PlanSummary> PlanRepository::summaries(const std::string& today) {
  return db::map_rows(
      c_.query("SELECT p.id, p.code, p.title, p.basis, p.issued_by, p.issued_on, COUNT(t.id), "
               "COALESCE(SUM(CASE WHEN t.status = 'done' THEN 1 ELSE 0 END), 0), "
               "COALESCE(SUM(CASE WHEN t.status <> 'done' AND t.deadline < ? THEN 1 ELSE 0 END), 0) "
               "FROM plans p LEFT JOIN plan_tasks t ON t.plan_id = p.id GROUP BY p.id, p.code, p.title, p.basis, p.issued_by, p.issued_on "
               "ORDER BY p.issued_on DESC, p.id DESC",
               {today}),
      [](const db::Row& r) {
        PlanSummary s;
        db::read_row(r, s.plan.id, s.plan.code, s.plan.title, s.plan.basis, s.plan.issued_by, s.plan.issued_on, s.tasks, s.done, s.overdue);
        return s;
      });
}

std::optional<Plan> PlanRepository::find(std::int64_t id) {
  auto plan = db::map_row(c_.query_one("SELECT id, code, title, basis, issued_by, issued_on FROM plans WHERE id = ?", {id}), read_plan);
  if (!plan) return std::nullopt;
  plan->tasks = db::map_rows(
      c_.query(std::string("SELECT ") + kTaskColumns + " FROM plan_tasks WHERE plan_id = ? ORDER BY position, id", {id}), read_task);
  return plan;
}

std::optional<PlanTask> PlanRepository::find_task(std::int64_t task_id) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kTaskColumns + " FROM plan_tasks WHERE id = ?", {task_id}), read_task);
}

void PlanRepository::update_details(const Plan& plan) {
  c_.execute("UPDATE plans SET title = ?, basis = ?, issued_by = ?, issued_on = ? WHERE id = ?",
             {plan.title, plan.basis, plan.issued_by, plan.issued_on, plan.id});
}

std::int64_t PlanRepository::add_task(std::int64_t plan_id, const PlanTask& t, std::int64_t now) {
  return c_.query_int(
      "INSERT INTO plan_tasks (plan_id, position, area, title, lead_unit, partners, deadline, expected_output, status, updated_at) "
      "VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM plan_tasks WHERE plan_id = ?), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {plan_id, plan_id, t.area, t.title, t.lead_unit, t.partners, t.deadline, t.expected_output, std::string(status_slug(TaskStatus::not_started)),
       now});
}

void PlanRepository::update_task(const PlanTask& t, std::int64_t now) {
  c_.execute("UPDATE plan_tasks SET area = ?, title = ?, lead_unit = ?, partners = ?, deadline = ?, expected_output = ?, updated_at = ? WHERE id = ?",
             {t.area, t.title, t.lead_unit, t.partners, t.deadline, t.expected_output, now, t.id});
}

void PlanRepository::remove_task(std::int64_t task_id) { c_.execute("DELETE FROM plan_tasks WHERE id = ?", {task_id}); }

bool PlanRepository::has_progress(std::int64_t task_id) {
  return c_.query_one("SELECT 1 FROM task_progress WHERE task_id = ? LIMIT 1", {task_id}).has_value();
}

std::vector<Progress> PlanRepository::progress(std::int64_t task_id) {
  auto reports = db::map_rows(
      c_.query("SELECT p.id, p.task_id, p.status, p.note, p.evidence_url, p.activity_id, COALESCE(a.title, ''), "
               "COALESCE(u.display_name, ''), p.reported_at FROM task_progress p "
               "LEFT JOIN outreach_activities a ON a.id = p.activity_id LEFT JOIN users u ON u.id = p.reported_by "
               "WHERE p.task_id = ? ORDER BY p.reported_at DESC, p.id DESC",
               {task_id}),
      [](const db::Row& r) {
        Progress p;
        std::string status;
        db::read_row(r, p.id, p.task_id, status, p.note, p.evidence_url, p.activity_id, p.activity_title, p.reported_by, p.reported_at);
        p.status = parse_task_status(status).value_or(TaskStatus::in_progress);
        return p;
      });
  std::map<std::int64_t, std::vector<core::StoredFile>> files;
  for (const auto& r : c_.query("SELECT f.progress_id, f.id, f.display_name, f.stored_name, f.content_type, f.size FROM task_progress_files f "
                                "JOIN task_progress p ON p.id = f.progress_id WHERE p.task_id = ? ORDER BY f.id",
                                {task_id})) {
    core::StoredFile f;
    std::int64_t progress_id = 0;
    db::read_row(r, progress_id, f.id, f.display_name, f.stored_name, f.content_type, f.size);
    files[progress_id].push_back(std::move(f));
  }
  for (auto& p : reports)
    if (auto it = files.find(p.id); it != files.end()) p.files = std::move(it->second);
  return reports;
}

std::int64_t PlanRepository::add_progress(const Progress& p, std::optional<std::int64_t> user_id, std::int64_t now) {
  auto id = c_.query_int(
      "INSERT INTO task_progress (task_id, status, note, evidence_url, activity_id, reported_by, reported_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {p.task_id, std::string(status_slug(p.status)), p.note, p.evidence_url, db::opt(p.activity_id), db::opt(user_id), now});
  for (const auto& f : p.files)
    c_.execute("INSERT INTO task_progress_files (progress_id, display_name, stored_name, content_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?)",
               {id, f.display_name, f.stored_name, f.content_type, f.size, now});
  c_.execute("UPDATE plan_tasks SET status = ?, updated_at = ? WHERE id = ?", {std::string(status_slug(p.status)), now, p.task_id});
  return id;
}

std::optional<core::StoredFile> PlanRepository::find_file(std::int64_t task_id, std::int64_t file_id) {
  return db::map_row(c_.query_one("SELECT f.id, f.display_name, f.stored_name, f.content_type, f.size FROM task_progress_files f "
                                  "JOIN task_progress p ON p.id = f.progress_id WHERE f.id = ? AND p.task_id = ?",
                                  {file_id, task_id}),
                     db::into<core::StoredFile>(&core::StoredFile::id, &core::StoredFile::display_name, &core::StoredFile::stored_name,
                                                &core::StoredFile::content_type, &core::StoredFile::size));
}

std::vector<std::string> PlanRepository::file_names() {
  std::vector<std::string> out;
  for (const auto& r : c_.query("SELECT stored_name FROM task_progress_files")) out.push_back(r.text(0));
  return out;
}

bool PlanRepository::activity_exists(std::int64_t activity_id) {
  return c_.query_one("SELECT 1 FROM outreach_activities WHERE id = ?", {activity_id}).has_value();
}

std::vector<Review> PlanRepository::reviews(std::int64_t plan_id) {
  return db::map_rows(c_.query("SELECT r.id, r.plan_id, r.kind, r.held_on, r.unit_code, r.findings, r.rating, r.recommendations, "
                               "COALESCE(u.display_name, ''), r.recorded_at FROM plan_reviews r LEFT JOIN users u ON u.id = r.recorded_by "
                               "WHERE r.plan_id = ? ORDER BY r.held_on DESC, r.id DESC",
                               {plan_id}),
                      [](const db::Row& row) {
                        Review r;
                        std::string kind, rating;
                        db::read_row(row, r.id, r.plan_id, kind, r.held_on, r.unit_code, r.findings, rating, r.recommendations, r.recorded_by,
                                     r.recorded_at);
                        r.kind = parse_review_kind(kind).value_or(ReviewKind::inspection);
                        r.rating = parse_rating(rating).value_or(Rating::none);
                        return r;
                      });
}

void PlanRepository::add_review(const Review& r, std::optional<std::int64_t> user_id, std::int64_t now) {
  c_.execute(
      "INSERT INTO plan_reviews (plan_id, kind, held_on, unit_code, findings, rating, recommendations, recorded_by, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.plan_id, std::string(review_slug(r.kind)), r.held_on, r.unit_code, r.findings, std::string(rating_slug(r.rating)), r.recommendations,
       db::opt(user_id), now});
}

}  // namespace plans
