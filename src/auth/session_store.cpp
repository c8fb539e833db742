#include "auth/session_store.h"

#include "core/random.h"
#include "core/time.h"

namespace auth {

std::string SessionStore::create(std::int64_t user_id, std::int64_t ttl_seconds) {
  std::string token = core::random_token(32);
  auto now = core::now_unix();
  c_.execute("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
             {core::sha256_hex(token), user_id, now, now + ttl_seconds});
  return token;
}

std::optional<User> SessionStore::lookup(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  auto row = c_.query_one(
      "SELECT u.id, u.email, u.display_name, u.role, u.created_at FROM sessions s JOIN users u ON u.id = s.user_id "
      "WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1",
      {core::sha256_hex(token), core::now_unix()});
  if (!row) return std::nullopt;
  User u;
  u.id = row->int64(0);
  u.email = row->text(1);
  u.display_name = row->text(2);
  u.role = parse_role(row->text(3)).value_or(Role::citizen);
  u.created_at = row->int64(4);
  return u;
}

void SessionStore::destroy(const std::string& token) {
  c_.execute("DELETE FROM sessions WHERE token_hash = ?", {core::sha256_hex(token)});
}

void SessionStore::destroy_all_for(std::int64_t user_id) {
  c_.execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

std::int64_t SessionStore::purge_expired() {
  return c_.execute("DELETE FROM sessions WHERE expires_at <= ?", {core::now_unix()});
}

}  // namespace auth
