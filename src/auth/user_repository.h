#pragma once
#include "auth/user.h"
#include "db/database.h"

#include <optional>
#include <vector>

namespace auth {

struct StoredUser {
  User user;
  std::string password_hash;
};

class UserRepository {
 public:
  explicit UserRepository(db::Connection& c) : c_(c) {}
  // Throws db::ConstraintError when the e-mail is taken.
  std::int64_t insert(const User& u, const std::string& password_hash);
  std::optional<StoredUser> find_by_email(const std::string& email);
  std::optional<User> find(std::int64_t id);
  std::vector<User> list(std::size_t limit, std::size_t offset);
  std::int64_t count();
  std::int64_t count_admins();
  void update_role_and_status(std::int64_t id, Role role, bool active);
  void update_password(std::int64_t id, const std::string& password_hash);

 private:
  db::Connection& c_;
};

}  // namespace auth
