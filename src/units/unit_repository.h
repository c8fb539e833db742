#pragma once
// All SQL of the administrative units (table admin_units).
#include "db/database.h"
#include "units/model.h"

#include <optional>
#include <string>
#include <vector>

namespace units {

class UnitRepository {
 public:
  explicit UnitRepository(db::Connection& c) : c_(c) {}

  // Inserts the unit, or renames it and moves it under its parent when the code is known.
  // Returns true when a row was added or changed.
  bool upsert(const AdminUnit& unit);
  std::optional<AdminUnit> find(const std::string& code);
  std::vector<AdminUnit> provinces();
  // A province's agencies, then its communes, each in Vietnamese alphabetical order.
  std::vector<AdminUnit> children(const std::string& parent_code);
  std::int64_t count();

 private:
  db::Connection& c_;
};

}  // namespace units
