#pragma once
#include "auth/audit_log.h"
#include "auth/rate_limiter.h"
#include "auth/user.h"
#include "core/config.h"
#include "core/error.h"
#include "db/database.h"

#include <optional>

namespace auth {

struct RegistrationForm {
  std::string email;
  std::string display_name;
  std::string password;
  std::string password_confirm;
};

struct LoginResult {
  User user;
  std::string session_token;
};

class AuthService {
 public:
  AuthService(db::Database& database, const core::Config& config)
      : database_(database), config_(config), limiter_(database, config.rate_limits_enabled) {}

  // A citizen creates an account for themselves.
  core::Result<User> register_citizen(const RegistrationForm& form, const std::string& ip);
  // Checks the password under the per-IP and per-account limits; opens a session.
  core::Result<LoginResult> login(const std::string& email, const std::string& password, const std::string& ip);
  void logout(const std::string& session_token);
  std::optional<User> user_for_session(const std::string& session_token);

  // Administration (admin only: the caller's role is checked here, not only in the routes).
  core::Result<User> create_user(const Actor& actor, const User& user, const std::string& password);
  core::Result<void> change_role(const User& admin, const Actor& actor, std::int64_t user_id, Role role, bool active);
  std::vector<User> list_users(std::size_t limit, std::size_t offset);
  std::int64_t count_users();

  // First start: when there is no user yet, creates admin@localhost with a random password and
  // returns that password (to be printed once). Nullopt when users exist.
  std::optional<std::string> ensure_initial_admin();

 private:
  core::Result<User> insert_user(const Actor& actor, User user, const std::string& password, const std::string& action);
  db::Database& database_;
  const core::Config& config_;
  RateLimiter limiter_;
};

// Lower-cased, trimmed e-mail, or a Vietnamese problem.
core::Result<std::string> normalize_email(const std::string& raw);

}  // namespace auth
