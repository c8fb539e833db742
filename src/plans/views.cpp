#include "plans/views.h"

#include "core/attachment.h"
#include "core/time.h"
#include "outreach/views.h"

namespace plans {

namespace {

std::string plan_url(std::int64_t id) { return std::string(kPlansUrl) + "/" + std::to_string(id); }

nlohmann::json line_view(const TaskLine& l) {
  return {{"id", l.task.id},
          {"url", plan_url(l.task.plan_id) + "/nhiem-vu/" + std::to_string(l.task.id)},
          {"position", l.task.position},
          {"area", l.task.area},
          {"title", l.task.title},
          {"lead", l.lead_name},
          {"partners", l.task.partners},
          {"deadline", core::iso_to_vn_date(l.task.deadline)},
          {"expected_output", l.task.expected_output},
          {"status", {{"slug", std::string(status_slug(l.task.status))}, {"label", std::string(status_label(l.task.status))}}},
          {"overdue", l.overdue},
          {"may_report", l.may_report}};
}

}  // namespace

std::string evidence_file_url(std::int64_t plan_id, std::int64_t task_id, std::int64_t file_id) {
  return plan_url(plan_id) + "/nhiem-vu/" + std::to_string(task_id) + "/tep/" + std::to_string(file_id);
}

nlohmann::json summaries_view(const std::vector<PlanSummary>& summaries) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : summaries)
    out.push_back({{"url", plan_url(s.plan.id)}, {"code", s.plan.code}, {"title", s.plan.title}, {"issued_on", core::iso_to_vn_date(s.plan.issued_on)},
                   {"tasks", s.tasks}, {"done", s.done}, {"overdue", s.overdue}});
  return out;
}

nlohmann::json plan_view(const PlanPage& p) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : p.lines) lines.push_back(line_view(l));
  nlohmann::json reviews = nlohmann::json::array();
  for (const auto& [r, unit] : p.reviews)
    reviews.push_back({{"kind", std::string(review_label(r.kind))},
                       {"held_on", core::iso_to_vn_date(r.held_on)},
                       {"unit", unit},
                       {"findings", r.findings},
                       {"rating", std::string(rating_label(r.rating))},
                       {"recommendations", r.recommendations},
                       {"by", r.recorded_by}});
  return {{"plan", {{"code", p.plan.code}, {"title", p.plan.title}, {"basis", p.plan.basis}, {"issuer", p.issuer_name},
                    {"issued_on", core::iso_to_vn_date(p.plan.issued_on)}, {"url", plan_url(p.plan.id)}}},
          {"tasks", lines},
          {"done", p.done},
          {"overdue", p.overdue},
          {"reviews", reviews},
          {"has_reviews", !reviews.empty()}};
}

nlohmann::json task_view(const TaskPage& p) {
  nlohmann::json progress = nlohmann::json::array();
  for (const auto& r : p.progress) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : r.files)
      files.push_back({{"name", f.display_name},
                       {"size", core::format_file_size(f.size)},
                       {"url", evidence_file_url(p.plan.id, r.task_id, f.id)}});
    progress.push_back({{"status", std::string(status_label(r.status))},
                        {"note", r.note},
                        {"evidence_url", r.evidence_url},
                        {"activity_url", r.activity_id ? "/quan-tri/hoat-dong/" + std::to_string(*r.activity_id) : ""},
                        {"activity_title", r.activity_title},
                        {"has_files", !files.empty()},
                        {"files", files},
                        {"by", r.reported_by},
                        {"at", core::format_vn_datetime(r.reported_at)}});
  }
  return {{"plan", {{"code", p.plan.code}, {"title", p.plan.title}, {"url", plan_url(p.plan.id)}}},
          {"task", line_view(p.line)},
          {"progress", progress},
          {"has_progress", !progress.empty()}};
}

nlohmann::json status_options(const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  for (auto s : task_statuses())
    out.push_back({{"slug", std::string(status_slug(s))}, {"label", std::string(status_label(s))}, {"selected", status_slug(s) == selected}});
  return out;
}

PlanForm plan_form_of(const Plan& p) { return {p.title, p.basis, p.issued_by, p.issued_on}; }

TaskForm task_form_of(const PlanTask& t) { return {t.area, t.title, t.lead_unit, t.partners, t.deadline, t.expected_output}; }

namespace {
nlohmann::json all_units(const units::UnitTree& tree, const std::string& selected) {
  return tree.empty() ? nlohmann::json::array() : outreach::unit_options(tree, {tree.root().code}, selected);
}
}  // namespace

nlohmann::json plan_form_view(const PlanForm& f, const units::UnitTree& tree) {
  return {{"title", f.title}, {"basis", f.basis}, {"issued_on", f.issued_on}, {"units", all_units(tree, f.issued_by)}};
}

nlohmann::json task_form_view(const TaskForm& f, const units::UnitTree& tree) {
  return {{"area", f.area},         {"title", f.title},       {"partners", f.partners},
          {"deadline", f.deadline}, {"expected_output", f.expected_output},
          {"units", all_units(tree, f.lead_unit)}};
}

}  // namespace plans
