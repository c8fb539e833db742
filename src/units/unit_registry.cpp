#include "units/unit_registry.h"

#include "units/unit_repository.h"

#include <fmt/format.h>

namespace units {

UnitImportResult UnitRegistry::import(const ParsedUnits& parsed, const auth::Actor& actor) {
  UnitImportResult result;
  result.problems = parsed.problems;
  if (!result.problems.empty()) return result;
  auto c = database_.acquire();
  db::Transaction tx(*c);
  UnitRepository repo(*c);
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

}  // namespace units
