#include "stats/indicator_routes.h"

#include "core/utf8.h"
#include "stats/permissions.h"

namespace stats {

namespace {

constexpr const char* kCatalogueUrl = "/quan-tri/chi-tieu";

std::string indicator_url(const std::string& code) { return std::string(kCatalogueUrl) + "/" + code; }

// The form's fields as an indicator; a position that is not a number becomes -1 (refused).
Indicator indicator_from_form(const http::Form& form, const std::string& code) {
  Indicator i;
  i.code = code;
  i.group = core::clean_text(form.get("group"));
  i.name = core::clean_text(form.get("name"));
  i.measure = core::clean_text(form.get("measure"));
  i.part_of = form.get("part_of");
  i.source_key = form.get("source_key");
  const auto position = form.get("position");
  i.position = !position.empty() && position.size() <= 6 && position.find_first_not_of("0123456789") == std::string::npos ? std::stoi(position) : -1;
  i.active = form.get("active") == "1";
  return i;
}

nlohmann::json indicator_form_view(const Indicator& i, const std::vector<Indicator>& catalogue,
                                   const std::vector<std::pair<std::string, std::string>>& sources) {
  nlohmann::json totals = nlohmann::json::array({{{"code", ""}, {"name", "— Không —"}, {"selected", i.part_of.empty()}}});
  for (const auto& t : catalogue)
    if (t.part_of.empty() && t.code != i.code) totals.push_back({{"code", t.code}, {"name", t.name}, {"selected", t.code == i.part_of}});
  nlohmann::json source_list = nlohmann::json::array({{{"key", ""}, {"label", "— Đơn vị tự nhập —"}, {"selected", i.source_key.empty()}}});
  for (const auto& [key, label] : sources) source_list.push_back({{"key", key}, {"label", label}, {"selected", key == i.source_key}});
  return {{"code", i.code}, {"group", i.group}, {"name", i.name}, {"measure", i.measure}, {"position", std::to_string(std::max(i.position, 0))},
          {"active", i.active}, {"totals", totals}, {"sources", source_list}};
}

http::Response catalogue_page(web::Site& site, ReportService& reports, const web::Visitor& v, const Indicator& draft,
                              const nlohmann::json& extra, int status) {
  auto view = site.base_view(v, "Danh mục chỉ tiêu thống kê PBGDPL");
  auto catalogue = reports.indicators(true);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& i : catalogue)
    rows.push_back({{"code", i.code}, {"group", i.group}, {"name", i.name}, {"measure", i.measure}, {"part", !i.part_of.empty()},
                    {"active", i.active}, {"counted", !i.source_key.empty()}, {"url", indicator_url(i.code)}});
  view["indicators"] = rows;
  view["form"] = indicator_form_view(draft, catalogue, reports.sources());
  view["is_new"] = true;
  view["action"] = kCatalogueUrl;
  if (extra.is_object()) view.update(extra);
  return site.page("stats/indicators", view, status);
}

http::Response indicator_page(web::Site& site, ReportService& reports, const web::Visitor& v, const Indicator& i,
                              const nlohmann::json& extra, int status) {
  auto view = site.base_view(v, "Chỉ tiêu " + i.code);
  view["form"] = indicator_form_view(i, reports.indicators(true), reports.sources());
  view["action"] = indicator_url(i.code);
  if (extra.is_object()) view.update(extra);
  return site.page("stats/indicator", view, status);
}

}  // namespace

void register_indicator_routes(web::Site& site, ReportService& reports) {
  const auto manage = web::needs(perm::manage_reporting);
  site.add(web::page(kCatalogueUrl, manage), [&site, &reports](http::Request& r, web::Visitor& v) {
    Indicator draft;
    draft.active = true;
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-luu")) extra["notice"] = "Đã lưu chỉ tiêu.";
    return catalogue_page(site, reports, v, draft, extra, 200);
  });
  site.add(web::form(kCatalogueUrl, manage), [&site, &reports](http::Request&, web::Visitor& v) {
    auto draft = indicator_from_form(v.form, core::clean_text(v.form.get("code")));
    auto saved = reports.save_indicator(draft, true, v.actor());
    if (!saved) return catalogue_page(site, reports, v, draft, web::Site::refusal_view(saved.error()), core::http_status(saved.error().kind));
    return http::Response::redirect(std::string(kCatalogueUrl) + "?da-luu=1");
  });
  site.add(web::page(std::string(kCatalogueUrl) + "/{code}", manage), [&site, &reports](http::Request& r, web::Visitor& v) {
    for (const auto& i : reports.indicators(true))
      if (i.code == r.params["code"]) return indicator_page(site, reports, v, i, nlohmann::json::object(), 200);
    return site.not_found_page(v);
  });
  site.add(web::form(std::string(kCatalogueUrl) + "/{code}", manage), [&site, &reports](http::Request& r, web::Visitor& v) {
    auto changed = indicator_from_form(v.form, r.params["code"]);
    auto saved = reports.save_indicator(changed, false, v.actor());
    if (!saved) {
      if (saved.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      return indicator_page(site, reports, v, changed, web::Site::refusal_view(saved.error()), core::http_status(saved.error().kind));
    }
    return http::Response::redirect(std::string(kCatalogueUrl) + "?da-luu=1");
  });
}

}  // namespace stats
