#pragma once
// All SQL of the administrative units and their members (tables admin_units, unit_members).
#include "db/database.h"
#include "units/model.h"

#include <optional>
#include <string>
#include <tuple>
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
  // `root_code` and every unit below it, at any depth.
  std::vector<AdminUnit> subtree(const std::string& root_code);

  // Membership: the unit an account works for.
  std::optional<std::string> unit_of(std::int64_t user_id);
  void set_member(std::int64_t user_id, const std::string& unit_code, std::int64_t now);
  void remove_member(std::int64_t user_id);
  // Accounts of a unit: id, e-mail, display name and role slug, by name.
  std::vector<std::tuple<std::int64_t, std::string, std::string, std::string>> members(const std::string& unit_code);
  // The active account with this e-mail (already lower-case), if any.
  std::optional<std::int64_t> user_by_email(const std::string& email);

 private:
  db::Connection& c_;
};

}  // namespace units
