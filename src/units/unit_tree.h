#pragma once
// One province's organisation tree, read once and walked in memory: the province, its agencies
// and communes, and the districts of an older three-level tree with their own communes. Depth
// is not fixed. Pure: built from the rows, no database.
#include "units/model.h"

#include <map>
#include <string>
#include <vector>

namespace units {

class UnitTree {
 public:
  UnitTree() = default;
  // `units` holds the root and every unit below it, in any order; units whose parent is not in
  // the list (other than the root) are left out.
  UnitTree(std::vector<AdminUnit> units, const std::string& root_code);

  bool empty() const { return units_.empty(); }
  const AdminUnit& root() const { return units_.front(); }
  const AdminUnit* find(const std::string& code) const;
  bool contains(const std::string& code) const { return find(code) != nullptr; }
  // Direct children: agencies first, then districts, then communes, each in Vietnamese order.
  const std::vector<std::string>& children(const std::string& code) const;
  // True when `code` is strictly below `ancestor`.
  bool is_below(const std::string& code, const std::string& ancestor) const;
  // `code` itself or below it.
  bool is_within(const std::string& code, const std::string& ancestor) const {
    return code == ancestor || is_below(code, ancestor);
  }
  // Every unit from `code` down, parents before children, with its depth below `code` (0 for it).
  std::vector<std::pair<const AdminUnit*, int>> walk(const std::string& code) const;

 private:
  std::vector<AdminUnit> units_;  // the root first
  std::map<std::string, std::size_t> index_;
  std::map<std::string, std::vector<std::string>> children_;
};

}  // namespace units
