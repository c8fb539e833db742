#include "units/unit_repository.h"

#include "core/utf8.h"
#include "db/rows.h"

#include <algorithm>

namespace units {

namespace {
constexpr const char* kColumns = "code, name, level, COALESCE(parent_code, '')";

AdminUnit unit_from_row(const db::Row& r) {
  AdminUnit u;
  std::string level;
  db::read_row(r, u.code, u.name, level, u.parent_code);
  u.level = parse_level(level).value_or(UnitLevel::commune);
  return u;
}
}  // namespace

bool UnitRepository::upsert(const AdminUnit& unit) {
  auto parent = db::text_or_null(unit.parent_code);
  return c_.execute(
             "INSERT INTO admin_units (code, name, level, parent_code) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code "
             "WHERE admin_units.name <> excluded.name OR admin_units.level <> excluded.level "
             "OR COALESCE(admin_units.parent_code, '') <> COALESCE(excluded.parent_code, '')",
             {unit.code, unit.name, std::string(level_slug(unit.level)), parent}) > 0;
}

std::optional<AdminUnit> UnitRepository::find(const std::string& code) {
  auto row = c_.query_one(std::string("SELECT ") + kColumns + " FROM admin_units WHERE code = ?", {code});
  if (!row) return std::nullopt;
  return unit_from_row(*row);
}

std::vector<AdminUnit> UnitRepository::provinces() {
  return db::map_rows(c_.query(std::string("SELECT ") + kColumns + " FROM admin_units WHERE level = 'province' ORDER BY code"),
                      unit_from_row);
}

std::vector<AdminUnit> UnitRepository::children(const std::string& parent_code) {
  auto units = db::map_rows(
      c_.query(std::string("SELECT ") + kColumns + " FROM admin_units WHERE parent_code = ?", {parent_code}), unit_from_row);
  // Agencies first, then communes, each in Vietnamese alphabetical order (SQL orders bytes).
  std::vector<std::pair<std::string, AdminUnit>> keyed;
  for (auto& u : units) keyed.emplace_back(std::string(u.level == UnitLevel::agency ? "0" : "1") + core::vietnamese_sort_key(u.name), std::move(u));
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  units.clear();
  for (auto& [key, u] : keyed) units.push_back(std::move(u));
  return units;
}

std::int64_t UnitRepository::count() { return c_.query_int("SELECT COUNT(*) FROM admin_units"); }

}  // namespace units
