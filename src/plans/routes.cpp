#include "plans/routes.h"

#include "core/time.h"
#include "outreach/views.h"
#include "plans/permissions.h"
#include "plans/views.h"
#include "web/download.h"
#include "web/params.h"

namespace plans {

namespace {

constexpr std::size_t kMaxPlanFileBytes = 1 << 20;
// A progress report with its evidence files, as core::AttachmentPolicy allows them, and its fields.
constexpr std::size_t kMaxProgressBytes = 3 * (5 << 20) + 64 * 1024;


http::Response plans_page(web::Site& site, PlanService& plans, const web::Visitor& v, const nlohmann::json& extra, int status) {
  auto view = site.base_view(v, "Kế hoạch và theo dõi thực hiện");
  const auto summaries = plans.summaries(core::today_vn_iso());
  view["plans"] = summaries_view(summaries);
  view["has_plans"] = !summaries.empty();
  view["may_import"] = perm::manage_plans.allows(v.user->role);
  view["max_mb"] = kMaxPlanFileBytes >> 20;
  view.update(extra);
  return site.page("plans/plans", view, status);
}

http::Response plan_page(web::Site& site, PlanService& plans, const web::Visitor& v, std::int64_t id, bool only_overdue,
                         const ReviewForm& typed, const nlohmann::json& extra, int status) {
  auto page = plans.plan(*v.user, id, core::today_vn_iso(), only_overdue);
  if (!page) return site.not_found_page(v);
  auto view = site.base_view(v, page->plan.code + ": " + page->plan.title);
  view.update(plan_view(*page));
  view["only_overdue"] = only_overdue;
  view["may_manage"] = perm::manage_plans.allows(v.user->role);
  if (perm::review_plans.allows(v.user->role) && !page->units.empty()) {
    nlohmann::json kinds = nlohmann::json::array(), grades = nlohmann::json::array();
    for (auto k : review_kinds())
      kinds.push_back({{"slug", std::string(review_slug(k))}, {"label", std::string(review_label(k))}, {"selected", review_slug(k) == typed.kind}});
    for (auto r : ratings())
      grades.push_back({{"slug", std::string(rating_slug(r))}, {"label", std::string(rating_label(r))}, {"selected", rating_slug(r) == typed.rating}});
    view["review_form"] = {{"kinds", kinds},
                           {"ratings", grades},
                           {"units", outreach::unit_options(page->tree, page->units, typed.unit_code)},
                           {"held_on", typed.held_on.empty() ? core::today_vn_iso() : typed.held_on},
                           {"findings", typed.findings},
                           {"recommendations", typed.recommendations}};
  }
  view.update(extra);
  return site.page("plans/plan", view, status);
}

http::Response task_page(web::Site& site, PlanService& plans, const web::Visitor& v, std::int64_t task_id, const ProgressForm& typed,
                         const nlohmann::json& extra, int status) {
  auto page = plans.task(*v.user, task_id, core::today_vn_iso());
  if (!page) return site.not_found_page(v);
  auto view = site.base_view(v, page->line.task.title);
  view.update(task_view(*page));
  view["statuses"] = status_options(typed.status.empty() ? std::string(status_slug(page->line.task.status)) : typed.status);
  view["form"] = {{"note", typed.note}, {"evidence_url", typed.evidence_url}, {"activity_id", typed.activity_id}};
  view["may_manage"] = perm::manage_plans.allows(v.user->role);
  view.update(extra);
  return site.page("plans/task", view, status);
}

// The form for a plan's details, filled from the plan or with what was typed.
http::Response plan_form_page(web::Site& site, PlanService& plans, const web::Visitor& v, std::int64_t id, const PlanForm* typed,
                              const nlohmann::json& extra, int status) {
  auto page = plans.plan(*v.user, id, core::today_vn_iso(), false);
  if (!page) return site.not_found_page(v);
  auto view = site.base_view(v, "Sửa kế hoạch " + page->plan.code);
  view["plan"] = {{"code", page->plan.code}, {"url", std::string(kPlansUrl) + "/" + std::to_string(id)}};
  view["form"] = plan_form_view(typed ? *typed : plan_form_of(page->plan), page->tree);
  view.update(extra);
  return site.page("plans/plan_form", view, status);
}

// The form for a new task of plan `id` (no `task_id`) or for correcting one, filled from the
// task or with what was typed; a task nobody has reported on can be deleted there.
http::Response task_form_page(web::Site& site, PlanService& plans, const web::Visitor& v, std::int64_t id, std::optional<std::int64_t> task_id,
                              const TaskForm* typed, const nlohmann::json& extra, int status) {
  auto page = plans.plan(*v.user, id, core::today_vn_iso(), false);
  if (!page) return site.not_found_page(v);
  const std::string plan_url = std::string(kPlansUrl) + "/" + std::to_string(id);
  auto view = site.base_view(v, task_id ? "Sửa nhiệm vụ" : "Thêm nhiệm vụ");
  view["plan"] = {{"code", page->plan.code}, {"url", plan_url}};
  TaskForm form = typed ? *typed : TaskForm{};
  if (task_id) {
    auto task = plans.task(*v.user, *task_id, core::today_vn_iso());
    if (!task || task->line.task.plan_id != id) return site.not_found_page(v);
    if (!typed) form = task_form_of(task->line.task);
    const auto url = plan_url + "/nhiem-vu/" + std::to_string(*task_id);
    view["task"] = {{"url", url}, {"position", task->line.task.position}, {"title", task->line.task.title}};
    view["action"] = url + "/sua";
    view["may_remove"] = task->progress.empty();
  } else {
    view["action"] = plan_url + "/nhiem-vu/moi";
  }
  view["form"] = task_form_view(form, page->tree);
  view.update(extra);
  return site.page("plans/task_form", view, status);
}

TaskForm typed_task(const web::Visitor& v) {
  return {v.form.get("area"), v.form.get("title"), v.form.get("lead_unit"), v.form.get("partners"), v.form.get("deadline"), v.form.get("expected_output")};
}

// Corrections by those who manage plans: the plan's details, tasks added, corrected or removed.
void register_correction_routes(web::Site& site, PlanService& plans) {
  const auto manage = web::needs(perm::manage_plans);
  const std::string base = kPlansUrl;
  site.add(web::page(base + "/{id}/sua", manage), [&site, &plans](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    return id ? plan_form_page(site, plans, v, *id, nullptr, nlohmann::json::object(), 200) : site.not_found_page(v);
  });
  site.add(web::form(base + "/{id}/sua", manage), [&site, &plans, base](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    const PlanForm form{v.form.get("title"), v.form.get("basis"), v.form.get("issued_by"), v.form.get("issued_on")};
    auto updated = plans.update_plan(v.actor(), *id, form);
    if (!updated) {
      if (updated.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      return plan_form_page(site, plans, v, *id, &form, web::Site::refusal_view(updated.error()), core::http_status(updated.error().kind));
    }
    return http::Response::redirect(base + "/" + std::to_string(*id) + "?da-sua=1");
  });
  site.add(web::page(base + "/{id}/nhiem-vu/moi", manage), [&site, &plans](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    return id ? task_form_page(site, plans, v, *id, std::nullopt, nullptr, nlohmann::json::object(), 200) : site.not_found_page(v);
  });
  site.add(web::form(base + "/{id}/nhiem-vu/moi", manage), [&site, &plans, base](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    const auto form = typed_task(v);
    auto added = plans.add_task(v.actor(), *id, form, core::now_unix());
    if (!added) {
      if (added.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      return task_form_page(site, plans, v, *id, std::nullopt, &form, web::Site::refusal_view(added.error()), core::http_status(added.error().kind));
    }
    return http::Response::redirect(base + "/" + std::to_string(*id) + "/nhiem-vu/" + std::to_string(added->id) + "?da-luu=1");
  });
  site.add(web::page(base + "/{id}/nhiem-vu/{task}/sua", manage), [&site, &plans](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    auto task = web::parse_id(r.params["task"]);
    return id && task ? task_form_page(site, plans, v, *id, *task, nullptr, nlohmann::json::object(), 200) : site.not_found_page(v);
  });
  site.add(web::form(base + "/{id}/nhiem-vu/{task}/sua", manage), [&site, &plans, base](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    auto task = web::parse_id(r.params["task"]);
    if (!id || !task) return site.not_found_page(v);
    const auto form = typed_task(v);
    auto updated = plans.update_task(v.actor(), *id, *task, form, core::now_unix());
    if (!updated) {
      if (updated.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      return task_form_page(site, plans, v, *id, *task, &form, web::Site::refusal_view(updated.error()), core::http_status(updated.error().kind));
    }
    return http::Response::redirect(base + "/" + std::to_string(*id) + "/nhiem-vu/" + std::to_string(*task) + "?da-luu=1");
  });
  site.add(web::form(base + "/{id}/nhiem-vu/{task}/xoa", manage), [&site, &plans, base](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    auto task = web::parse_id(r.params["task"]);
    if (!id || !task) return site.not_found_page(v);
    auto removed = plans.remove_task(v.actor(), *id, *task);
    if (!removed) {
      if (removed.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      return task_form_page(site, plans, v, *id, *task, nullptr, web::Site::refusal_view(removed.error()), core::http_status(removed.error().kind));
    }
    return http::Response::redirect(base + "/" + std::to_string(*id) + "?da-xoa=1");
  });
}

}  // namespace

void register_plan_routes(web::Site& site, PlanService& plans) {
  const auto follow = web::needs(perm::follow_plans);
  const std::string base = kPlansUrl;

  site.add(web::page(base, follow), [&site, &plans](http::Request& r, web::Visitor& v) {
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-nhap")) extra["notice"] = "Đã nhập kế hoạch.";
    return plans_page(site, plans, v, extra, 200);
  });
  site.add(web::upload(base, web::needs(perm::manage_plans), kMaxPlanFileBytes + 64 * 1024), [&site, &plans, base](http::Request&, web::Visitor& v) {
    const auto* file = v.form.file("tep");
    if (!file) return plans_page(site, plans, v, {{"error", "Hãy chọn tệp kế hoạch (.json)."}}, 422);
    auto imported = plans.import(file->data, v.actor(), core::now_unix());
    if (!imported) return plans_page(site, plans, v, web::Site::refusal_view(imported.error()), core::http_status(imported.error().kind));
    return http::Response::redirect(base + "/" + std::to_string(imported->id) + "?da-nhap=1");
  });
  site.add(web::page(base + "/{id}", follow), [&site, &plans](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-nhap")) extra["notice"] = "Đã nhập kế hoạch.";
    if (r.query_param("da-danh-gia")) extra["notice"] = "Đã ghi nhận kết quả kiểm tra, đánh giá.";
    if (r.query_param("da-sua")) extra["notice"] = "Đã lưu thông tin kế hoạch.";
    if (r.query_param("da-xoa")) extra["notice"] = "Đã xoá nhiệm vụ.";
    return plan_page(site, plans, v, *id, r.query_param("qua-han").value_or("") == "1", {}, extra, 200);
  });
  register_correction_routes(site, plans);
  site.add(web::form(base + "/{id}/danh-gia", web::needs(perm::review_plans)), [&site, &plans, base](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    const ReviewForm form{v.form.get("kind"), v.form.get("held_on"), v.form.get("unit_code"),
                          v.form.get("findings"), v.form.get("rating"), v.form.get("recommendations")};
    auto recorded = plans.review(*v.user, v.actor(), *id, form, core::now_unix());
    if (!recorded) {
      if (recorded.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      return plan_page(site, plans, v, *id, false, form, web::Site::refusal_view(recorded.error()), core::http_status(recorded.error().kind));
    }
    return http::Response::redirect(base + "/" + std::to_string(*id) + "?da-danh-gia=1#danh-gia");
  });
  site.add(web::page(base + "/{id}/nhiem-vu/{task}", follow), [&site, &plans](http::Request& r, web::Visitor& v) {
    auto task = web::parse_id(r.params["task"]);
    if (!task || !web::parse_id(r.params["id"])) return site.not_found_page(v);
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-bao-cao")) extra["notice"] = "Đã ghi nhận báo cáo tiến độ.";
    if (r.query_param("da-luu")) extra["notice"] = "Đã lưu nhiệm vụ.";
    return task_page(site, plans, v, *task, {}, extra, 200);
  });
  site.add(web::upload(base + "/{id}/nhiem-vu/{task}", follow, kMaxProgressBytes), [&site, &plans](http::Request& r, web::Visitor& v) {
    auto task = web::parse_id(r.params["task"]);
    if (!task || !web::parse_id(r.params["id"])) return site.not_found_page(v);
    ProgressForm form{v.form.get("status"), v.form.get("note"), v.form.get("evidence_url"), v.form.get("activity_id"), {}};
    for (const auto& file : v.form.files)
      if (file.field == "files" && !file.data.empty()) form.files.push_back({file.filename, file.data});
    auto reported = plans.report(*v.user, v.actor(), *task, form, core::now_unix());
    if (!reported) {
      const auto& e = reported.error();
      if (e.kind == core::ErrorKind::not_found) return site.not_found_page(v);
      return task_page(site, plans, v, *task, form, web::Site::refusal_view(e), core::http_status(e.kind));
    }
    return http::Response::redirect(r.path + "?da-bao-cao=1");
  });
  // An evidence file, to those who follow the plans (as the task's page).
  site.add(web::page(base + "/{id}/nhiem-vu/{task}/tep/{file}", follow), [&site, &plans](http::Request& r, web::Visitor& v) {
    auto task = web::parse_id(r.params["task"]);
    auto file_id = web::parse_id(r.params["file"]);
    if (!task || !file_id || !web::parse_id(r.params["id"])) return site.not_found_page(v);
    auto file = plans.evidence_file(*task, *file_id);
    if (!file) return site.not_found_page(v);
    auto res = web::stored_file_download(plans.files(), *file);
    return res ? std::move(*res) : site.not_found_page(v);
  });
}

}  // namespace plans
