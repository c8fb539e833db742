#include "units/unit_registry.h"

#include "units/unit_repository.h"

#include "auth/role.h"
#include "core/utf8.h"

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

namespace {

constexpr std::size_t kMaxUnitName = 200;

core::ServiceError field_error(const std::string& field, const std::string& message) {
  return core::ServiceError::invalid("Thông tin đơn vị chưa hợp lệ.", {{field, message}});
}

// Whether `level` may sit under a unit of `parent_level`.
bool fits_under(UnitLevel level, UnitLevel parent_level) {
  switch (level) {
    case UnitLevel::district: return parent_level == UnitLevel::province;
    case UnitLevel::commune:
    case UnitLevel::agency: return parent_level == UnitLevel::province || parent_level == UnitLevel::district;
    case UnitLevel::province: return false;
  }
  return false;
}

// The name, or a problem with it.
core::Result<std::string> unit_name(const std::string& raw) {
  auto name = core::clean_text(raw);
  if (name.empty() || name.size() > kMaxUnitName) return core::fail(field_error("name", "Tên đơn vị phải có từ 1 đến 200 ký tự."));
  return name;
}

core::Result<const AdminUnit*> parent_in(const UnitTree& tree, const std::string& parent_code, UnitLevel level) {
  const AdminUnit* parent = tree.find(parent_code);
  if (!parent) return core::fail(field_error("parent", "Hãy chọn đơn vị cấp trên trong cây đơn vị của tỉnh."));
  if (!fits_under(level, parent->level))
    return core::fail(field_error("parent", std::string(level_label(level)) + " không thể trực thuộc " + parent->name + "."));
  return parent;
}

}  // namespace

core::Result<AdminUnit> UnitRegistry::add_unit(const std::string& root_code, const AdminUnit& in, const auth::Actor& actor) {
  AdminUnit unit = in;
  if (!is_unit_code(unit.code)) return core::fail(field_error("code", "Mã đơn vị gồm 2 đến 16 ký tự A–Z, 0–9 hoặc «-», ví dụ 46-STP."));
  auto name = unit_name(unit.name);
  if (!name) return core::fail(name.error());
  unit.name = *name;
  if (unit.level == UnitLevel::province) return core::fail(field_error("level", "Chỉ thêm được cơ quan, quận huyện hoặc xã phường."));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  UnitRepository repo(*c);
  if (repo.find(unit.code)) return core::fail(field_error("code", "Mã " + unit.code + " đã được dùng cho một đơn vị khác."));
  auto parent = parent_in(tree(*c, root_code), unit.parent_code, unit.level);
  if (!parent) return core::fail(parent.error());
  repo.upsert(unit);
  auth::record_audit(*c, actor, "units.add", "unit:" + unit.code, unit.name);
  tx.commit();
  return unit;
}

core::Result<AdminUnit> UnitRegistry::change_unit(const std::string& root_code, const std::string& code, const std::string& raw_name,
                                                  const std::string& parent_code, const auth::Actor& actor) {
  auto name = unit_name(raw_name);
  if (!name) return core::fail(name.error());
  auto c = database_.acquire();
  db::Transaction tx(*c);
  UnitRepository repo(*c);
  auto tree = UnitRegistry::tree(*c, root_code);
  const AdminUnit* current = tree.find(code);
  if (!current) return core::fail(core::ServiceError::not_found("Không có đơn vị này trong cây đơn vị của tỉnh."));
  AdminUnit unit = *current;
  unit.name = *name;
  if (code == root_code) {
    if (!parent_code.empty() && parent_code != unit.parent_code)
      return core::fail(field_error("parent", "Không chuyển được tỉnh, thành phố sang đơn vị khác."));
  } else {
    if (tree.is_within(parent_code, code))
      return core::fail(field_error("parent", "Không chuyển được một đơn vị vào chính nó hay đơn vị cấp dưới của nó."));
    auto parent = parent_in(tree, parent_code, unit.level);
    if (!parent) return core::fail(parent.error());
    unit.parent_code = parent_code;
  }
  if (repo.upsert(unit)) auth::record_audit(*c, actor, "units.change", "unit:" + code, unit.name + " ← " + unit.parent_code);
  tx.commit();
  return unit;
}

std::vector<UnitMember> UnitRegistry::members(const std::string& unit_code) {
  std::vector<UnitMember> out;
  for (auto& [id, email, name, role] : UnitRepository(*database_.acquire()).members(unit_code)) {
    auto parsed = auth::parse_role(role);
    out.push_back({id, email, name, parsed ? std::string(auth::role_label(*parsed)) : role});
  }
  return out;
}

core::Result<UnitMember> UnitRegistry::assign_by_email(const std::string& root_code, const std::string& unit_code,
                                                       const std::string& email, const auth::Actor& actor, std::int64_t now) {
  const std::string wanted = core::to_lower(core::clean_text(email));
  if (wanted.empty() || wanted.size() > 254) return core::fail(field_error("email", "Hãy nhập e-mail của tài khoản."));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  UnitRepository repo(*c);
  if (!tree(*c, root_code).contains(unit_code))
    return core::fail(core::ServiceError::not_found("Không có đơn vị này trong cây đơn vị của tỉnh."));
  auto user = repo.user_by_email(wanted);
  if (!user) return core::fail(field_error("email", "Không có tài khoản đang hoạt động nào mang e-mail " + wanted + "."));
  repo.set_member(*user, unit_code, now);
  auth::record_audit(*c, actor, "units.assign", fmt::format("user:{}", *user), unit_code);
  tx.commit();
  for (auto& m : members(unit_code))
    if (m.user_id == *user) return m;
  return UnitMember{*user, wanted, "", ""};
}

bool UnitRegistry::remove_member(const std::string& unit_code, std::int64_t user_id, const auth::Actor& actor) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  UnitRepository repo(*c);
  if (repo.unit_of(user_id) != unit_code) return false;
  repo.remove_member(user_id);
  auth::record_audit(*c, actor, "units.unassign", fmt::format("user:{}", user_id), unit_code);
  tx.commit();
  return true;
}

}  // namespace units
