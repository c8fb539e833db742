#include "plans/api_routes.h"

#include "core/time.h"
#include "plans/permissions.h"
#include "plans/views.h"
#include "web/params.h"

#include <nlohmann/json.hpp>

namespace plans {

namespace {


nlohmann::json plan_json(const Plan& p) {
  return {{"id", std::to_string(p.id)}, {"code", p.code}, {"title", p.title}, {"basis", p.basis}, {"issued_by", p.issued_by}, {"issued_on", p.issued_on}};
}

nlohmann::json task_json(const TaskLine& l) {
  const auto& t = l.task;
  return {{"id", std::to_string(t.id)},
          {"position", t.position},
          {"area", t.area},
          {"title", t.title},
          {"lead_unit", t.lead_unit},
          {"lead_unit_name", l.lead_name},
          {"partners", t.partners},
          {"deadline", t.deadline},
          {"expected_output", t.expected_output},
          {"status", std::string(status_slug(t.status))},
          {"overdue", l.overdue}};
}

http::Response plan_not_found() { return web::Site::api_error(404, "not_found", "Không có kế hoạch hoặc nhiệm vụ này."); }

}  // namespace

void register_plan_api_routes(web::Site& site, PlanService& plans) {
  const auto follow = web::needs(perm::follow_plans);
  site.add(web::api("GET", "/api/v1/plans", follow), [&plans](http::Request&, web::Visitor&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : plans.summaries(core::today_vn_iso())) {
      auto item = plan_json(s.plan);
      item["tasks"] = s.tasks;
      item["done"] = s.done;
      item["overdue"] = s.overdue;
      items.push_back(std::move(item));
    }
    return web::private_json({{"items", items}});
  });
  site.add(web::api("GET", "/api/v1/plans/{id}", follow), [&plans](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    const auto overdue = r.query_param("overdue").value_or("false");
    if (overdue != "true" && overdue != "false")
      return web::Site::api_error(400, "invalid_parameter", "Tham số \"overdue\" phải là true hoặc false.");
    auto page = id ? plans.plan(*v.user, *id, core::today_vn_iso(), overdue == "true") : core::Result<PlanPage>(core::fail(core::ServiceError::not_found("")));
    if (!page) return plan_not_found();
    auto out = plan_json(page->plan);
    out["done"] = page->done;
    out["overdue"] = page->overdue;
    out["tasks"] = nlohmann::json::array();
    for (const auto& line : page->lines) out["tasks"].push_back(task_json(line));
    out["reviews"] = nlohmann::json::array();
    for (const auto& [review, unit_name] : page->reviews)
      out["reviews"].push_back({{"kind", std::string(review_slug(review.kind))},
                                {"held_on", review.held_on},
                                {"unit", review.unit_code},
                                {"findings", review.findings},
                                {"rating", std::string(rating_slug(review.rating))},
                                {"recommendations", review.recommendations}});
    return web::private_json(out);
  });
  site.add(web::api("GET", "/api/v1/plans/{id}/tasks/{task}", follow), [&plans](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    auto task_id = web::parse_id(r.params["task"]);
    auto page = id && task_id ? plans.task(*v.user, *task_id, core::today_vn_iso()) : core::Result<TaskPage>(core::fail(core::ServiceError::not_found("")));
    if (!page || page->line.task.plan_id != *id) return plan_not_found();
    auto out = task_json(page->line);
    out["plan"] = plan_json(page->plan);
    out["progress"] = nlohmann::json::array();
    for (const auto& p : page->progress) {
      nlohmann::json files = nlohmann::json::array();
      for (const auto& f : p.files)
        files.push_back({{"name", f.display_name},
                         {"content_type", f.content_type},
                         {"size", f.size},
                         {"url", evidence_file_url(*id, *task_id, f.id)}});
      out["progress"].push_back({{"status", std::string(status_slug(p.status))},
                                 {"note", p.note},
                                 {"evidence_url", p.evidence_url},
                                 {"activity_id", p.activity_id ? nlohmann::json(std::to_string(*p.activity_id)) : nlohmann::json(nullptr)},
                                 {"files", files},
                                 {"reported_by", p.reported_by},
                                 {"reported_at", core::format_rfc3339(p.reported_at)}});
    }
    return web::private_json(out);
  });
}

}  // namespace plans
