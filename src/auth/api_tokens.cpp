#include "auth/api_tokens.h"

#include "core/random.h"
#include "db/rows.h"

namespace auth {

namespace {
constexpr std::string_view kPrefix = "pbt_";
constexpr const char* kTokenColumns = "id, label, unit_code, scope, created_at, revoked_at";
const auto token_from_row = db::into<ApiToken>(&ApiToken::id, &ApiToken::label, &ApiToken::unit_code, &ApiToken::scope,
                                               &ApiToken::created_at, &ApiToken::revoked_at);
}  // namespace

bool is_api_scope(std::string_view scope) { return scope == "stats:read" || scope == "stats:submit"; }

std::string add_api_token(db::Connection& c, const std::string& label, const std::string& unit_code, const std::string& scope,
                          std::int64_t now) {
  std::string secret = std::string(kPrefix) + core::random_token(32);
  c.execute("INSERT INTO api_tokens (token_hash, label, unit_code, scope, created_at) VALUES (?, ?, ?, ?, ?)",
            {core::sha256_hex(secret), label, unit_code, scope, now});
  return secret;
}

std::vector<ApiToken> list_api_tokens(db::Connection& c) {
  return db::map_rows(c.query(std::string("SELECT ") + kTokenColumns + " FROM api_tokens ORDER BY id"), token_from_row);
}

bool revoke_api_token(db::Connection& c, std::int64_t id, std::int64_t now) {
  return c.execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {now, id}) == 1;
}

std::optional<ApiToken> bearer_token(db::Connection& c, std::string_view authorization, std::string_view scope) {
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() > 200 || !authorization.starts_with(kBearer)) return std::nullopt;
  std::string_view secret = authorization.substr(kBearer.size());
  if (!secret.starts_with(kPrefix)) return std::nullopt;
  auto token = db::map_row(c.query_one(std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                                       {core::sha256_hex(secret)}),
                           token_from_row);
  if (!token || token->scope != scope) return std::nullopt;
  return token;
}

}  // namespace auth
