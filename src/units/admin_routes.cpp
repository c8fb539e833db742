#include "units/admin_routes.h"

#include "core/time.h"
#include "core/utf8.h"
#include "units/permissions.h"
#include "units/views.h"
#include "web/params.h"

namespace units {

namespace {

constexpr const char* kTreeUrl = "/quan-tri/don-vi";

// `extra`: what a refused form sends back (its fields, "error" and "errors").
http::Response tree_page(web::Site& site, UnitRegistry& registry, const std::string& province, const web::Visitor& v,
                         const nlohmann::json& extra, int status) {
  auto view = site.base_view(v, "Cây đơn vị báo cáo");
  auto tree = province.empty() ? UnitTree() : registry.tree(province);
  view["configured"] = !tree.empty();
  view["units"] = tree_view(tree);
  view["parents"] = parent_choices(tree, extra.value("parent", province));
  view["levels"] = level_choices(extra.value("level", "commune"));
  view.update(extra);
  return site.page("units/admin_tree", view, status);
}

http::Response unit_page(web::Site& site, UnitRegistry& registry, const std::string& province, const web::Visitor& v,
                         const std::string& code, const nlohmann::json& extra, int status) {
  auto tree = province.empty() ? UnitTree() : registry.tree(province);
  const AdminUnit* unit = tree.find(code);
  if (!unit) return site.not_found_page(v);
  auto view = site.base_view(v, unit->name);
  view["unit"] = {{"code", unit->code}, {"name", unit->name}, {"level", std::string(level_label(unit->level))}, {"url", unit_admin_url(code)}};
  view["is_root"] = code == tree.root().code;
  view["parents"] = parent_choices(tree, extra.value("parent", unit->parent_code), code);
  view["members"] = members_view(registry.members(code), code);
  view["has_members"] = !view["members"].empty();
  view["name"] = unit->name;
  view.update(extra);
  return site.page("units/admin_unit", view, status);
}

}  // namespace

void register_admin_routes(web::Site& site, UnitRegistry& registry, const std::string& province) {
  const auto manage = web::needs(perm::manage_units);
  site.add(web::page(kTreeUrl, manage), [&site, &registry, province](http::Request& r, web::Visitor& v) {
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-them")) extra["notice"] = "Đã thêm đơn vị.";
    return tree_page(site, registry, province, v, extra, 200);
  });
  site.add(web::form(kTreeUrl, manage), [&site, &registry, province](http::Request&, web::Visitor& v) {
    AdminUnit unit{core::clean_text(v.form.get("code")), v.form.get("name"), UnitLevel::commune, v.form.get("parent")};
    nlohmann::json typed = {{"code", unit.code}, {"name", unit.name}, {"parent", unit.parent_code}, {"level", v.form.get("level")}};
    auto level = parse_level(v.form.get("level"));
    if (!level || *level == UnitLevel::province) {
      typed.update(web::Site::refusal_view(core::ServiceError::invalid("Thông tin đơn vị chưa hợp lệ.", {{"level", "Hãy chọn cấp của đơn vị."}})));
      return tree_page(site, registry, province, v, typed, 422);
    }
    unit.level = *level;
    auto added = registry.add_unit(province, unit, v.actor());
    if (!added) {
      typed.update(web::Site::refusal_view(added.error()));
      return tree_page(site, registry, province, v, typed, core::http_status(added.error().kind));
    }
    return http::Response::redirect(unit_admin_url(added->code) + "?da-them=1");
  });
  site.add(web::page(std::string(kTreeUrl) + "/{code}", manage), [&site, &registry, province](http::Request& r, web::Visitor& v) {
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-them")) extra["notice"] = "Đã thêm đơn vị.";
    if (r.query_param("da-luu")) extra["notice"] = "Đã lưu.";
    return unit_page(site, registry, province, v, r.params["code"], extra, 200);
  });
  site.add(web::form(std::string(kTreeUrl) + "/{code}", manage), [&site, &registry, province](http::Request& r, web::Visitor& v) {
    const auto& code = r.params["code"];
    auto changed = registry.change_unit(province, code, v.form.get("name"), v.form.get("parent"), v.actor());
    if (!changed) {
      if (changed.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      auto extra = web::Site::refusal_view(changed.error());
      extra["name"] = v.form.get("name");
      extra["parent"] = v.form.get("parent");
      return unit_page(site, registry, province, v, code, extra, core::http_status(changed.error().kind));
    }
    return http::Response::redirect(unit_admin_url(code) + "?da-luu=1");
  });
  site.add(web::form(std::string(kTreeUrl) + "/{code}/thanh-vien", manage), [&site, &registry, province](http::Request& r, web::Visitor& v) {
    const auto& code = r.params["code"];
    auto added = registry.assign_by_email(province, code, v.form.get("email"), v.actor(), core::now_unix());
    if (!added) {
      if (added.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      auto extra = web::Site::refusal_view(added.error());
      extra["email"] = v.form.get("email");
      return unit_page(site, registry, province, v, code, extra, core::http_status(added.error().kind));
    }
    return http::Response::redirect(unit_admin_url(code) + "?da-luu=1");
  });
  site.add(web::form(std::string(kTreeUrl) + "/{code}/thanh-vien/{id}/xoa", manage), [&site, &registry](http::Request& r, web::Visitor& v) {
    const auto& code = r.params["code"];
    auto id = web::parse_id(r.params["id"]);
    if (!id || !registry.remove_member(code, *id, v.actor())) return site.not_found_page(v);
    return http::Response::redirect(unit_admin_url(code) + "?da-luu=1");
  });
}

}  // namespace units
