#include "units/module.h"

#include "units/admin_routes.h"
#include "units/permissions.h"
#include "units/settings.h"
#include "web/site.h"

#include <nlohmann/json.hpp>

namespace units {

namespace {

nlohmann::json unit_json(const AdminUnit& u) {
  nlohmann::json j = {{"code", u.code}, {"name", u.name}, {"level", level_slug(u.level)}};
  if (!u.parent_code.empty()) j["parent"] = u.parent_code;
  return j;
}

}  // namespace

UnitsModule::UnitsModule(const web::ModuleContext& context)
    : registry_(std::make_unique<UnitRegistry>(context.database)), province_(context.config.section<Settings>().province) {}

std::vector<web::BackOfficeLink> UnitsModule::back_office_links() const {
  return {{34, "Cây đơn vị", "/quan-tri/don-vi", web::needs(perm::manage_units)}};
}

void UnitsModule::register_routes(web::Site& site) {
  register_admin_routes(site, *registry_, province_);
  // GET /api/v1/units: the provinces; ?parent=CODE: a province's agencies and communes.
  site.add(web::api("GET", "/api/v1/units"), [this](http::Request& r, web::Visitor&) {
    auto parent = r.query_param("parent");
    std::vector<AdminUnit> list;
    if (!parent) {
      list = registry_->provinces();
    } else {
      if (!is_unit_code(*parent)) return web::Site::api_error(400, "invalid_parameter", "Tham số \"parent\" không phải mã đơn vị.");
      auto unit = registry_->find(*parent);
      if (!unit || unit->level != UnitLevel::province)
        return web::Site::api_error(404, "not_found", "Không có tỉnh, thành phố mang mã này.");
      list = registry_->children(*parent);
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& u : list) items.push_back(unit_json(u));
    auto response = http::Response::json(nlohmann::json{{"total", items.size()}, {"items", items}}.dump());
    response.set("Cache-Control", "public, max-age=3600");
    return response;
  });
}

}  // namespace units
