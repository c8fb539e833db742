#pragma once
// The administrative units' rules: importing the national list, and reading units for forms
// and for the features whose people and figures belong to a unit.
#include "auth/audit_log.h"
#include "db/database.h"
#include "units/model.h"
#include "units/unit_import.h"
#include "units/unit_tree.h"

#include <optional>
#include <string>
#include <vector>

namespace units {

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

 private:
  db::Database& database_;
};

}  // namespace units
