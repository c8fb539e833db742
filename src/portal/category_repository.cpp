#include "portal/category_repository.h"

namespace portal {

namespace {
Category category_from_row(const db::Row& r) {
  return {r.int64(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.int64(4))};
}
constexpr const char* kSelect = "SELECT id, slug, name, description, position FROM categories ";
}  // namespace

std::vector<Category> CategoryRepository::list() {
  std::vector<Category> out;
  for (const auto& r : c_.query(std::string(kSelect) + "ORDER BY position, id")) out.push_back(category_from_row(r));
  return out;
}

std::optional<Category> CategoryRepository::find(std::int64_t id) {
  auto r = c_.query_one(std::string(kSelect) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return category_from_row(*r);
}

std::optional<Category> CategoryRepository::find_by_slug(const std::string& slug) {
  auto r = c_.query_one(std::string(kSelect) + "WHERE slug = ?", {slug});
  if (!r) return std::nullopt;
  return category_from_row(*r);
}

std::int64_t CategoryRepository::insert(const Category& c) {
  return c_.query_int("INSERT INTO categories (slug, name, description, position) VALUES (?, ?, ?, ?) RETURNING id",
                      {c.slug, c.name, c.description, std::int64_t(c.position)});
}

void CategoryRepository::update(const Category& c) {
  c_.execute("UPDATE categories SET slug = ?, name = ?, description = ?, position = ? WHERE id = ?",
             {c.slug, c.name, c.description, std::int64_t(c.position), c.id});
}

std::int64_t CategoryRepository::post_count(std::int64_t id) {
  return c_.query_int("SELECT COUNT(*) FROM posts WHERE category_id = ?", {id});
}

void CategoryRepository::remove(std::int64_t id) { c_.execute("DELETE FROM categories WHERE id = ?", {id}); }

}  // namespace portal
