#include "units/unit_registry.h"

#include "units/unit_repository.h"

#include <fmt/format.h>

#include <set>

namespace units {

UnitImportResult UnitRegistry::import(const ParsedUnits& parsed, const auth::Actor& actor) {
  UnitImportResult result;
  result.problems = parsed.problems;
  if (!result.problems.empty()) return result;
  auto c = database_.acquire();
  db::Transaction tx(*c);
  UnitRepository repo(*c);
  std::set<std::string> earlier;
  for (const auto& unit : parsed.units) {
    if (!unit.parent_code.empty() && !earlier.count(unit.parent_code) && !repo.find(unit.parent_code))
      result.problems.push_back(fmt::format("Đơn vị {}: không có đơn vị cấp trên mang mã {}.", unit.code, unit.parent_code));
    earlier.insert(unit.code);
  }
  if (!result.problems.empty()) return result;
  for (const auto& unit : parsed.units) (repo.upsert(unit) ? result.added_or_changed : result.unchanged)++;
  auth::record_audit(*c, actor, "units.import", "admin_units",
                     fmt::format("{} đơn vị mới hoặc thay đổi, {} không đổi", result.added_or_changed, result.unchanged));
  tx.commit();
  return result;
}

std::optional<AdminUnit> UnitRegistry::find(const std::string& code) {
  return UnitRepository(*database_.acquire()).find(code);
}

std::vector<AdminUnit> UnitRegistry::provinces() {
  return UnitRepository(*database_.acquire()).provinces();
}

std::vector<AdminUnit> UnitRegistry::children(const std::string& province_code) {
  return UnitRepository(*database_.acquire()).children(province_code);
}

std::string UnitRegistry::full_name(const std::string& code) { return full_name(*database_.acquire(), code); }

std::string UnitRegistry::full_name(db::Connection& c, const std::string& code) {
  UnitRepository repo(c);
  auto unit = repo.find(code);
  if (!unit) return "";
  if (unit->parent_code.empty()) return unit->name;
  auto parent = repo.find(unit->parent_code);
  return parent ? unit->name + ", " + parent->name : unit->name;
}

UnitTree UnitRegistry::tree(const std::string& root_code) { return tree(*database_.acquire(), root_code); }

UnitTree UnitRegistry::tree(db::Connection& c, const std::string& root_code) {
  return UnitTree(UnitRepository(c).subtree(root_code), root_code);
}

std::optional<std::string> UnitRegistry::unit_of(std::int64_t user_id) { return unit_of(*database_.acquire(), user_id); }

std::optional<std::string> UnitRegistry::unit_of(db::Connection& c, std::int64_t user_id) { return UnitRepository(c).unit_of(user_id); }

bool UnitRegistry::assign(std::int64_t user_id, const std::string& unit_code, const auth::Actor& actor, std::int64_t now) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  UnitRepository repo(*c);
  if (!repo.find(unit_code)) return false;
  repo.set_member(user_id, unit_code, now);
  auth::record_audit(*c, actor, "units.assign", fmt::format("user:{}", user_id), unit_code);
  tx.commit();
  return true;
}

}  // namespace units
