#pragma once
// The administrative units' rules: importing the national list, and reading units for forms
// and for the features whose people and figures belong to a unit.
#include "auth/audit_log.h"
#include "db/database.h"
#include "units/model.h"
#include "units/unit_import.h"

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

  // Stores every unit of `parsed` (added, or renamed when its code is known) in one transaction
  // with one audit entry; or nothing when `parsed` has problems.
  UnitImportResult import(const ParsedUnits& parsed, const auth::Actor& actor);

  std::optional<AdminUnit> find(const std::string& code);
  std::vector<AdminUnit> provinces();
  std::vector<AdminUnit> children(const std::string& province_code);
  // "Phường Ba Đình, Thành phố Hà Nội" for a commune or agency, the name for a province; "" when
  // the code is unknown.
  std::string full_name(const std::string& code);
  // The same, inside a caller's transaction.
  static std::string full_name(db::Connection& c, const std::string& code);

 private:
  db::Database& database_;
};

}  // namespace units
