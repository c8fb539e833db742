#pragma once
// The administrative units' rules: importing the national list, and reading units for forms
// and for the features whose people and figures belong to a unit.
#include "auth/audit_log.h"
#include "db/database.h"
#include "units/model.h"
#include "units/unit_import.h"
#include "units/unit_tree.h"

#include "core/error.h"

#include <optional>
#include <string>
#include <vector>

namespace units {

// An account of a unit, for the back office.
struct UnitMember {
  std::int64_t user_id = 0;
  std::string email;
  std::string name;
  std::string role;  // the role's Vietnamese label
};

struct UnitImportResult {
  std::size_t added_or_changed = 0;
  std::size_t unchanged = 0;
  std::vector<std::string> problems;  // when any, nothing was stored
};

class UnitRegistry {
 public:
  explicit UnitRegistry(db::Database& database) : database_(database) {}

  // Stores every unit of `parsed` (added, or renamed and moved when its code is known) in one
  // transaction with one audit entry; or nothing when `parsed` has problems or names a parent
  // that is neither earlier in it nor stored.
  UnitImportResult import(const ParsedUnits& parsed, const auth::Actor& actor);

  std::optional<AdminUnit> find(const std::string& code);
  std::vector<AdminUnit> provinces();
  std::vector<AdminUnit> children(const std::string& province_code);
  // "Phường Ba Đình, Thành phố Hà Nội" for a commune or agency, the name for a province; "" when
  // the code is unknown.
  std::string full_name(const std::string& code);
  // The same, inside a caller's transaction.
  static std::string full_name(db::Connection& c, const std::string& code);

  // The organisation tree under `root_code` (empty when the code is unknown).
  UnitTree tree(const std::string& root_code);
  static UnitTree tree(db::Connection& c, const std::string& root_code);

  // The unit an account works for, if any.
  std::optional<std::string> unit_of(std::int64_t user_id);
  static std::optional<std::string> unit_of(db::Connection& c, std::int64_t user_id);
  // Puts the account in `unit_code` (audited); false when the unit is unknown.
  bool assign(std::int64_t user_id, const std::string& unit_code, const auth::Actor& actor, std::int64_t now);

  // Editing the tree under `root_code` (the configured province), each change audited:
  // - add: a unit with a new code (2–16 of A–Z, 0–9, "-"), a name, a level other than province,
  //   and a parent in the tree; a commune sits under the province or a district, a district
  //   under the province, an agency under either;
  // - rename or move: a unit of the tree other than the root, never under itself or a unit
  //   below it.
  // Refusals are Vietnamese, keyed by form field (code, name, level, parent).
  core::Result<AdminUnit> add_unit(const std::string& root_code, const AdminUnit& unit, const auth::Actor& actor);
  core::Result<AdminUnit> change_unit(const std::string& root_code, const std::string& code, const std::string& name,
                                      const std::string& parent_code, const auth::Actor& actor);

  std::vector<UnitMember> members(const std::string& unit_code);
  // Puts the account with this e-mail in the unit (moving it from any other); refused when the
  // e-mail names no account or the unit is not in the tree.
  core::Result<UnitMember> assign_by_email(const std::string& root_code, const std::string& unit_code, const std::string& email,
                                           const auth::Actor& actor, std::int64_t now);
  // False when the account is not in that unit.
  bool remove_member(const std::string& unit_code, std::int64_t user_id, const auth::Actor& actor);

 private:
  db::Database& database_;
};

}  // namespace units
