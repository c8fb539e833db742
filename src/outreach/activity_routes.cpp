#include "outreach/activity_routes.h"

#include "core/time.h"
#include "outreach/permissions.h"
#include "outreach/views.h"
#include "units/unit_import.h"
#include "web/pagination.h"
#include "web/params.h"

namespace outreach {

namespace {

constexpr std::size_t kActivitiesPerPage = 30;

ActivityInput activity_input(const http::Form& f) {
  ActivityInput in{f.get("unit_code"), f.get("kind"), f.get("title"), f.get("held_on"), f.get("place"), f.get("form"),
                   f.get("audience"), f.get("participants"), f.get("materials"), {}};
  for (const auto& [name, value] : f.fields)
    if (name == "leaders") in.leaders.push_back(value);
  return in;
}

std::string activity_url(std::int64_t id) { return std::string(kActivitiesUrl) + "/" + std::to_string(id); }

http::Response activity_form_page(web::Site& site, ActivityLog& log, ReporterRegistry& registry, const web::Visitor& v,
                                  const ActivityInput& input, std::optional<std::int64_t> id, const nlohmann::json& extra, int status) {
  auto view = site.base_view(v, id ? "Hoạt động phổ biến pháp luật" : "Ghi nhận hoạt động phổ biến pháp luật");
  view["form"] = activity_form_view(input, log.possible_leaders(*v.user));
  view["units"] = unit_options(log.tree(), registry.units_of(*v.user), input.unit_code);
  view["action"] = id ? activity_url(*id) : std::string(kActivitiesUrl);
  view.update(extra);
  return site.page(id ? "outreach/activity" : "outreach/activity_new", view, status);
}

}  // namespace

void register_activity_routes(web::Site& site, ActivityLog& log, ReporterRegistry& registry) {
  const auto record = web::needs(perm::record_activities);
  const std::string base = kActivitiesUrl;

  site.add(web::page(base, record), [&site, &log, &registry, base](http::Request& r, web::Visitor& v) {
    web::ParamError err;
    auto page = web::int_param(r, "trang", 1, 1, 100000, err);
    ActivityQuery q{r.query_param("don-vi").value_or(""), std::nullopt, r.query_param("tu").value_or(""), r.query_param("den").value_or("")};
    const auto kind = r.query_param("loai").value_or("");
    if (!kind.empty()) q.kind = parse_activity_kind(kind);
    if (!page || (!q.unit.empty() && !units::is_unit_code(q.unit)) || (!kind.empty() && !q.kind)) return site.not_found_page(v);
    auto view = site.base_view(v, "Hoạt động phổ biến, giáo dục pháp luật");
    const auto tree = log.tree();
    view["units"] = unit_options(tree, registry.units_of(*v.user), q.unit);
    view["kinds"] = enum_options(activity_kinds(), activity_slug, activity_label, kind);
    view["tu"] = q.from_date;
    view["den"] = q.to_date;
    auto found = log.list(*v.user, q, kActivitiesPerPage, static_cast<int>((*page - 1) * kActivitiesPerPage));
    if (!found) {
      if (found.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      view["error"] = found.error().message;
      return site.page("outreach/activities", view, 400);  // a malformed date in the query string
    }
    nlohmann::json items = nlohmann::json::array();
    std::int64_t participants = 0;
    for (const auto& a : found->items) {
      items.push_back(activity_view(a, tree));
      participants += a.participants;
    }
    view["activities"] = items;
    view["total"] = found->total;
    std::string filters;
    for (const char* name : {"don-vi", "loai", "tu", "den"})
      if (auto value = r.query_param(name); value && !value->empty()) filters += (filters.empty() ? "?" : "&") + std::string(name) + "=" + *value;
    view["pagination"] = web::pagination_view(base + filters, found->total, kActivitiesPerPage, static_cast<std::size_t>(*page));
    return site.page("outreach/activities", view);
  });
  site.add(web::page(base + "/moi", record), [&site, &log, &registry](http::Request&, web::Visitor& v) {
    const auto units = registry.units_of(*v.user);
    ActivityInput blank{units.empty() ? "" : units.front(), "buoi-tuyen-truyen", "", core::today_vn_iso(), "", "truc-tiep",
                        "", "", "", {}};
    return activity_form_page(site, log, registry, v, blank, std::nullopt, nlohmann::json::object(), 200);
  });
  site.add(web::form(base, record), [&site, &log, &registry](http::Request&, web::Visitor& v) {
    const auto input = activity_input(v.form);
    auto added = log.record(*v.user, v.actor(), input, core::now_unix());
    if (!added) return activity_form_page(site, log, registry, v, input, std::nullopt, web::Site::refusal_view(added.error()),
                                          core::http_status(added.error().kind));
    return http::Response::redirect(activity_url(added->id) + "?da-luu=1");
  });
  site.add(web::page(base + "/{id}", record), [&site, &log, &registry](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    auto found = log.find(*v.user, *id);
    if (!found) return site.not_found_page(v);
    nlohmann::json extra = {{"activity", activity_view(found->activity, log.tree())}};
    nlohmann::json leaders = nlohmann::json::array();
    for (const auto& p : found->leaders)
      leaders.push_back({{"name", p.full_name}, {"url", std::string(kRegistryUrl) + "/" + std::to_string(p.id)}, {"last", &p == &found->leaders.back()}});
    extra["leaders"] = leaders;
    if (r.query_param("da-luu")) extra["saved"] = true;
    return activity_form_page(site, log, registry, v, input_of(found->activity), *id, extra, 200);
  });
  site.add(web::form(base + "/{id}", record), [&site, &log, &registry](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    const auto input = activity_input(v.form);
    auto changed = log.change(*v.user, v.actor(), *id, input, core::now_unix());
    if (!changed) {
      if (changed.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      auto found = log.find(*v.user, *id);
      auto extra = web::Site::refusal_view(changed.error());
      if (found) extra["activity"] = activity_view(found->activity, log.tree());
      return activity_form_page(site, log, registry, v, input, *id, extra, core::http_status(changed.error().kind));
    }
    return http::Response::redirect(activity_url(*id) + "?da-luu=1");
  });
}

}  // namespace outreach
