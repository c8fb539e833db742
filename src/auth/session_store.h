#pragma once
// Sessions are random tokens; the database keeps only their SHA-256, so any node can serve any
// session and a copy of the database cannot be used to log in.
#include "auth/user.h"
#include "db/database.h"

#include <optional>

namespace auth {

class SessionStore {
 public:
  explicit SessionStore(db::Connection& c) : c_(c) {}
  // Returns the token to put in the cookie.
  std::string create(std::int64_t user_id, std::int64_t ttl_seconds);
  // The active user behind a live token.
  std::optional<User> lookup(const std::string& token);
  void destroy(const std::string& token);
  void destroy_all_for(std::int64_t user_id);
  std::int64_t purge_expired();

 private:
  db::Connection& c_;
};

}  // namespace auth
