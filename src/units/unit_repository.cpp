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

std::vector<AdminUnit> UnitRepository::subtree(const std::string& root_code) {
  return db::map_rows(c_.query(std::string("WITH RECURSIVE below(code) AS (SELECT code FROM admin_units WHERE code = ? "
                                           "UNION SELECT u.code FROM admin_units u JOIN below b ON u.parent_code = b.code) "
                                           "SELECT ") +
                                   kColumns + " FROM admin_units WHERE code IN (SELECT code FROM below)",
                               {root_code}),
                      unit_from_row);
}

std::optional<std::string> UnitRepository::unit_of(std::int64_t user_id) {
  auto row = c_.query_one("SELECT unit_code FROM unit_members WHERE user_id = ?", {user_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

void UnitRepository::set_member(std::int64_t user_id, const std::string& unit_code, std::int64_t now) {
  c_.execute("INSERT INTO unit_members (user_id, unit_code, assigned_at) VALUES (?, ?, ?) "
             "ON CONFLICT (user_id) DO UPDATE SET unit_code = excluded.unit_code, assigned_at = excluded.assigned_at",
             {user_id, unit_code, now});
}

void UnitRepository::remove_member(std::int64_t user_id) { c_.execute("DELETE FROM unit_members WHERE user_id = ?", {user_id}); }

std::vector<std::tuple<std::int64_t, std::string, std::string, std::string>> UnitRepository::members(const std::string& unit_code) {
  std::vector<std::tuple<std::int64_t, std::string, std::string, std::string>> out;
  for (const auto& r : c_.query("SELECT u.id, u.email, u.display_name, u.role FROM unit_members m JOIN users u ON u.id = m.user_id "
                                "WHERE m.unit_code = ? ORDER BY u.display_name, u.id",
                                {unit_code}))
    out.emplace_back(r.int64(0), r.text(1), r.text(2), r.text(3));
  return out;
}

std::optional<std::int64_t> UnitRepository::user_by_email(const std::string& email) {
  auto row = c_.query_one("SELECT id FROM users WHERE email = ? AND active = 1", {email});
  if (!row) return std::nullopt;
  return row->int64(0);
}

}  // namespace units
