#include "auth/user_repository.h"

#include "core/time.h"

namespace auth {

namespace {
constexpr const char* kColumns = "id, email, display_name, role, active, created_at, password_hash";

StoredUser from_row(const db::Row& r) {
  StoredUser s;
  s.user.id = r.int64(0);
  s.user.email = r.text(1);
  s.user.display_name = r.text(2);
  s.user.role = parse_role(r.text(3)).value_or(Role::citizen);
  s.user.active = r.int64(4) != 0;
  s.user.created_at = r.int64(5);
  s.password_hash = r.text(6);
  return s;
}
}  // namespace

std::int64_t UserRepository::insert(const User& u, const std::string& password_hash) {
  auto now = core::now_unix();
  return c_.query_int(
      "INSERT INTO users (email, password_hash, display_name, role, active, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {u.email, password_hash, u.display_name, std::string(role_slug(u.role)), std::int64_t(u.active ? 1 : 0), now, now});
}

std::optional<StoredUser> UserRepository::find_by_email(const std::string& email) {
  auto row = c_.query_one(std::string("SELECT ") + kColumns + " FROM users WHERE email = ?", {email});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::optional<User> UserRepository::find(std::int64_t id) {
  auto row = c_.query_one(std::string("SELECT ") + kColumns + " FROM users WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return from_row(*row).user;
}

std::vector<User> UserRepository::list(std::size_t limit, std::size_t offset) {
  std::vector<User> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kColumns + " FROM users ORDER BY id LIMIT ? OFFSET ?",
                                {std::int64_t(limit), std::int64_t(offset)}))
    out.push_back(from_row(r).user);
  return out;
}

std::int64_t UserRepository::count() { return c_.query_int("SELECT COUNT(*) FROM users"); }

std::int64_t UserRepository::count_admins() {
  return c_.query_int("SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1");
}

void UserRepository::update_role_and_status(std::int64_t id, Role role, bool active) {
  c_.execute("UPDATE users SET role = ?, active = ?, updated_at = ? WHERE id = ?",
             {std::string(role_slug(role)), std::int64_t(active ? 1 : 0), core::now_unix(), id});
}

void UserRepository::update_password(std::int64_t id, const std::string& password_hash) {
  c_.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", {password_hash, core::now_unix(), id});
}

}  // namespace auth
