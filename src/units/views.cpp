#include "units/views.h"

namespace units {

std::string unit_admin_url(const std::string& code) { return "/quan-tri/don-vi/" + code; }

nlohmann::json tree_view(const UnitTree& tree) {
  nlohmann::json out = nlohmann::json::array();
  if (tree.empty()) return out;
  for (const auto& [u, depth] : tree.walk(tree.root().code))
    out.push_back({{"code", u->code}, {"name", u->name}, {"level", std::string(level_label(u->level))}, {"indent", depth},
                   {"url", unit_admin_url(u->code)}});
  return out;
}

nlohmann::json parent_choices(const UnitTree& tree, const std::string& selected, const std::string& except) {
  nlohmann::json out = nlohmann::json::array();
  if (tree.empty()) return out;
  for (const auto& [u, depth] : tree.walk(tree.root().code)) {
    if (u->level != UnitLevel::province && u->level != UnitLevel::district) continue;
    if (!except.empty() && tree.is_within(u->code, except)) continue;
    out.push_back({{"code", u->code}, {"name", u->name}, {"selected", u->code == selected}});
  }
  return out;
}

nlohmann::json level_choices(const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  for (auto level : {UnitLevel::agency, UnitLevel::commune, UnitLevel::district})
    out.push_back({{"slug", std::string(level_slug(level))},
                   {"label", std::string(level_label(level))},
                   {"selected", level_slug(level) == selected}});
  return out;
}

nlohmann::json members_view(const std::vector<UnitMember>& members, const std::string& unit_code) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : members)
    out.push_back({{"email", m.email},
                   {"name", m.name},
                   {"role", m.role},
                   {"remove_url", unit_admin_url(unit_code) + "/thanh-vien/" + std::to_string(m.user_id) + "/xoa"}});
  return out;
}

}  // namespace units
