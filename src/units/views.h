#pragma once
// What the organisation tree's back-office pages show (templates/units/admin_tree, admin_unit).
#include "units/unit_registry.h"

#include <nlohmann/json.hpp>

namespace units {

std::string unit_admin_url(const std::string& code);

// The tree as an indented list, each unit with its level and link.
nlohmann::json tree_view(const UnitTree& tree);
// The units that may be a parent (the province and its districts), `selected` marked.
nlohmann::json parent_choices(const UnitTree& tree, const std::string& selected, const std::string& except = "");
// The levels a unit may be added at, `selected` marked.
nlohmann::json level_choices(const std::string& selected);
nlohmann::json members_view(const std::vector<UnitMember>& members, const std::string& unit_code);

}  // namespace units
