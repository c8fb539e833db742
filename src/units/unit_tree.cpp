#include "units/unit_tree.h"

#include "core/utf8.h"

#include <algorithm>

namespace units {

namespace {
int level_rank(UnitLevel level) {
  switch (level) {
    case UnitLevel::agency: return 0;
    case UnitLevel::district: return 1;
    default: return 2;
  }
}
}  // namespace

UnitTree::UnitTree(std::vector<AdminUnit> units, const std::string& root_code) {
  auto root = std::find_if(units.begin(), units.end(), [&](const AdminUnit& u) { return u.code == root_code; });
  if (root == units.end()) return;
  std::map<std::string, std::vector<const AdminUnit*>> by_parent;
  for (const auto& u : units)
    if (u.code != root_code) by_parent[u.parent_code].push_back(&u);
  // Breadth first from the root, so that only units reachable from it are kept.
  std::vector<const AdminUnit*> order{&*root};
  for (std::size_t i = 0; i < order.size(); ++i) {
    auto it = by_parent.find(order[i]->code);
    if (it == by_parent.end()) continue;
    auto& kids = it->second;
    std::vector<std::pair<std::string, const AdminUnit*>> keyed;
    for (const auto* k : kids) keyed.emplace_back(std::to_string(level_rank(k->level)) + core::vietnamese_sort_key(k->name), k);
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    auto& names = children_[order[i]->code];
    for (const auto& [key, k] : keyed) {
      if (index_.count(k->code) || k->code == root_code) continue;  // a cycle or a repeated code
      index_[k->code] = 0;
      names.push_back(k->code);
      order.push_back(k);
    }
  }
  units_.reserve(order.size());
  for (const auto* u : order) units_.push_back(*u);
  index_.clear();
  for (std::size_t i = 0; i < units_.size(); ++i) index_[units_[i].code] = i;
}

const AdminUnit* UnitTree::find(const std::string& code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &units_[it->second];
}

const std::vector<std::string>& UnitTree::children(const std::string& code) const {
  static const std::vector<std::string> none;
  auto it = children_.find(code);
  return it == children_.end() ? none : it->second;
}

bool UnitTree::is_below(const std::string& code, const std::string& ancestor) const {
  const AdminUnit* u = find(code);
  if (!u || !contains(ancestor)) return false;
  while (u && u->code != root().code) {
    if (u->parent_code == ancestor) return true;
    u = find(u->parent_code);
  }
  return false;
}

std::vector<std::pair<const AdminUnit*, int>> UnitTree::walk(const std::string& code) const {
  std::vector<std::pair<const AdminUnit*, int>> out;
  const AdminUnit* start = find(code);
  if (!start) return out;
  // Depth first, children in their order.
  std::vector<std::pair<const AdminUnit*, int>> stack{{start, 0}};
  while (!stack.empty()) {
    auto [u, depth] = stack.back();
    stack.pop_back();
    out.emplace_back(u, depth);
    const auto& kids = children(u->code);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.emplace_back(find(*it), depth + 1);
  }
  return out;
}

}  // namespace units
