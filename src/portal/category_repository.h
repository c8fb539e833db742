#pragma once
#include "db/database.h"
#include "portal/model.h"

namespace portal {

class CategoryRepository {
 public:
  explicit CategoryRepository(db::Connection& c) : c_(c) {}
  std::vector<Category> list();
  std::optional<Category> find(std::int64_t id);
  std::optional<Category> find_by_slug(const std::string& slug);
  std::int64_t insert(const Category& c);  // throws db::ConstraintError on a duplicate slug
  void update(const Category& c);
  std::int64_t post_count(std::int64_t id);
  void remove(std::int64_t id);

 private:
  db::Connection& c_;
};

}  // namespace portal
