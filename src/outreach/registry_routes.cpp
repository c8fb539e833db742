#include "outreach/registry_routes.h"

#include "core/time.h"
#include "outreach/permissions.h"
#include "outreach/views.h"
#include "units/unit_import.h"
#include "web/download.h"
#include "web/pagination.h"
#include "web/params.h"

namespace outreach {

namespace {

constexpr std::size_t kPerPage = 30;

ReporterForm reporter_form(const http::Form& f) {
  return {f.get("full_name"), f.get("unit_code"), f.get("kind"), f.get("level"), f.get("decision_number"), f.get("decision_date"),
          f.get("fields"),    f.get("position"),  f.get("email"), f.get("phone")};
}

// The list's filters from the query string; nullopt when one is malformed.
std::optional<ReporterQuery> query_of(const http::Request& r) {
  ReporterQuery q;
  q.text = r.query_param("q").value_or("");
  q.unit = r.query_param("don-vi").value_or("");
  if (q.text.size() > 300 || (!q.unit.empty() && !units::is_unit_code(q.unit))) return std::nullopt;
  if (auto kind = r.query_param("loai"); kind && !kind->empty()) {
    q.kind = parse_reporter_kind(*kind);
    if (!q.kind) return std::nullopt;
  }
  if (auto level = r.query_param("cap"); level && !level->empty()) {
    q.level = parse_reporter_level(*level);
    if (!q.level) return std::nullopt;
  }
  const auto status = r.query_param("trang-thai").value_or("");
  if (status == "dang-hoat-dong") q.active = true;
  else if (status == "mien-nhiem") q.active = false;
  else if (!status.empty()) return std::nullopt;
  return q;
}

// The query string of the filters that are set ("" when none).
std::string query_string(const http::Request& r) {
  std::string out;
  for (const char* name : {"q", "don-vi", "loai", "cap", "trang-thai"})
    if (auto v = r.query_param(name); v && !v->empty()) out += (out.empty() ? "?" : "&") + std::string(name) + "=" + http::percent_encode(*v);
  return out;
}

http::Response refused(web::Site& site, const web::Visitor& v, const core::ServiceError& e, const std::string& title) {
  if (e.kind == core::ErrorKind::not_found) return site.not_found_page(v);
  auto view = site.base_view(v, title);
  view["error"] = e.message;
  return site.page("outreach/refused", view, core::http_status(e.kind));
}

http::Response form_page(web::Site& site, ReporterRegistry& registry, const web::Visitor& v, const ReporterForm& form,
                         const nlohmann::json& extra, int status) {
  auto view = site.base_view(v, "Thêm báo cáo viên, tuyên truyền viên");
  view["form"] = reporter_form_view(form);
  view["units"] = unit_options(registry.tree(), registry.units_of(*v.user), form.unit_code);
  view.update(extra);
  return site.page("outreach/reporter_new", view, status);
}

http::Response record_page(web::Site& site, ReporterRegistry& registry, const web::Visitor& v, std::int64_t id,
                           const std::optional<ReporterForm>& typed, const nlohmann::json& extra, int status) {
  auto record = registry.record(*v.user, id);
  if (!record) return refused(site, v, record.error(), "Báo cáo viên, tuyên truyền viên");
  const auto tree = registry.tree();
  auto view = site.base_view(v, record->reporter.full_name);
  view["person"] = record_view(*record, tree);
  if (perm::manage_registry.allows(v.user->role)) {
    const auto form = typed.value_or(form_of(record->reporter));
    view["may_edit"] = true;
    view["form"] = reporter_form_view(form);
    view["units"] = unit_options(tree, registry.units_of(*v.user), form.unit_code);
  }
  view.update(extra);
  return site.page("outreach/reporter", view, status);
}

}  // namespace

void register_registry_routes(web::Site& site, ReporterRegistry& registry) {
  const auto read = web::needs(perm::record_activities);
  const auto manage = web::needs(perm::manage_registry);
  const std::string base = kRegistryUrl;

  site.add(web::page(base, read), [&site, &registry, base](http::Request& r, web::Visitor& v) {
    web::ParamError err;
    auto page = web::int_param(r, "trang", 1, 1, 100000, err);
    auto query = query_of(r);
    if (!page || !query) return site.not_found_page(v);
    auto found = registry.search(*v.user, *query, kPerPage, static_cast<int>((*page - 1) * kPerPage));
    if (!found) return refused(site, v, found.error(), "Báo cáo viên, tuyên truyền viên pháp luật");
    const auto tree = registry.tree();
    auto view = site.base_view(v, "Báo cáo viên, tuyên truyền viên pháp luật");
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : found->items) people.push_back(reporter_view(p, tree));
    view["people"] = people;
    view["total"] = found->total;
    view["q"] = query->text;
    view["units"] = unit_options(tree, registry.units_of(*v.user), query->unit);
    view["kinds"] = enum_options(reporter_kinds(), kind_slug, kind_label, query->kind ? std::string(kind_slug(*query->kind)) : "");
    view["levels"] = enum_options(reporter_levels(), level_slug, level_label, query->level ? std::string(level_slug(*query->level)) : "");
    view["status_active"] = query->active == std::optional<bool>(true);
    view["status_relieved"] = query->active == std::optional<bool>(false);
    view["may_add"] = perm::manage_registry.allows(v.user->role);
    const auto filters = query_string(r);
    view["csv_url"] = base + "/tai-ve.csv" + filters;
    view["xlsx_url"] = base + "/tai-ve.xlsx" + filters;
    view["pagination"] = web::pagination_view(base + filters, found->total, kPerPage, static_cast<std::size_t>(*page));
    return site.page("outreach/reporters", view);
  });
  for (const std::string extension : {"csv", "xlsx"}) {
    site.add(web::page(base + "/tai-ve." + extension, read), [&site, &registry, extension](http::Request& r, web::Visitor& v) {
      auto query = query_of(r);
      if (!query) return site.not_found_page(v);
      auto found = registry.search(*v.user, *query, 0, 0);
      if (!found) return refused(site, v, found.error(), "Báo cáo viên, tuyên truyền viên pháp luật");
      return web::tables_download({registry_table(found->items, registry.tree())}, extension, "bao-cao-vien-tuyen-truyen-vien");
    });
  }
  site.add(web::page(base + "/moi", manage), [&site, &registry](http::Request&, web::Visitor& v) {
    return form_page(site, registry, v, {"", "", "bao-cao-vien", "cap-tinh", "", "", "", "", "", ""}, nlohmann::json::object(), 200);
  });
  site.add(web::form(base, manage), [&site, &registry, base](http::Request&, web::Visitor& v) {
    const auto form = reporter_form(v.form);
    auto added = registry.add(*v.user, v.actor(), form, core::now_unix());
    if (!added) return form_page(site, registry, v, form, web::Site::refusal_view(added.error()), core::http_status(added.error().kind));
    return http::Response::redirect(base + "/" + std::to_string(added->id) + "?da-luu=1");
  });
  site.add(web::page(base + "/{id}", read), [&site, &registry](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-luu")) extra["saved"] = true;
    return record_page(site, registry, v, *id, std::nullopt, extra, 200);
  });
  site.add(web::form(base + "/{id}", manage), [&site, &registry, base](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    const auto form = reporter_form(v.form);
    auto changed = registry.change(*v.user, v.actor(), *id, form, core::now_unix());
    if (!changed) {
      if (changed.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      return record_page(site, registry, v, *id, form, web::Site::refusal_view(changed.error()), core::http_status(changed.error().kind));
    }
    return http::Response::redirect(base + "/" + std::to_string(*id) + "?da-luu=1");
  });
  site.add(web::form(base + "/{id}/mien-nhiem", manage), [&site, &registry, base](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    auto relieved = registry.relieve(*v.user, v.actor(), *id, v.form.get("relieved_on"), v.form.get("relieved_reason"), core::now_unix());
    if (!relieved) {
      if (relieved.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      auto extra = web::Site::refusal_view(relieved.error());
      extra["relieved_on"] = v.form.get("relieved_on");
      extra["relieved_reason"] = v.form.get("relieved_reason");
      return record_page(site, registry, v, *id, std::nullopt, extra, core::http_status(relieved.error().kind));
    }
    return http::Response::redirect(base + "/" + std::to_string(*id) + "?da-luu=1");
  });
  site.add(web::form(base + "/{id}/tap-huan", manage), [&site, &registry, base](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    const TrainingForm form{v.form.get("title"), v.form.get("held_on"), v.form.get("organiser")};
    auto added = registry.add_training(*v.user, v.actor(), *id, form, core::now_unix());
    if (!added) {
      if (added.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      auto extra = web::Site::refusal_view(added.error());
      extra["training"] = {{"title", form.title}, {"held_on", form.held_on}, {"organiser", form.organiser}};
      return record_page(site, registry, v, *id, std::nullopt, extra, core::http_status(added.error().kind));
    }
    return http::Response::redirect(base + "/" + std::to_string(*id) + "?da-luu=1#tap-huan");
  });
}

}  // namespace outreach
