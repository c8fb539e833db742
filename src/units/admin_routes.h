#pragma once
// The organisation tree in the back office (/quan-tri/don-vi, admins): the configured province's
// units as an indented list, adding a unit, renaming or moving one, and the accounts that work
// for each unit (added by e-mail, removed).
#include "units/unit_registry.h"
#include "web/site.h"

namespace units {

void register_admin_routes(web::Site& site, UnitRegistry& registry, const std::string& province);

}  // namespace units
