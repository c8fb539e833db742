#pragma once
// API tokens for machine clients (not browser sessions): `phobien token add` makes one, prints it
// once and stores only its SHA-256; a route that accepts them reads "Authorization: Bearer …".
// A token names a unit and one scope: "stats:read" reads that unit's approved figures (and those
// below it); "stats:submit", on a receiving installation, sends that province's reports to it.
#include "db/database.h"

#include <optional>
#include <string>
#include <vector>

namespace auth {

struct ApiToken {
  std::int64_t id = 0;
  std::string label;
  std::string unit_code;
  std::string scope;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> revoked_at;
};

// "stats:read", "stats:submit": the scopes there are.
bool is_api_scope(std::string_view scope);

// Makes a token; returns its secret ("pbt_" and 43 URL-safe characters), never stored.
std::string add_api_token(db::Connection& c, const std::string& label, const std::string& unit_code, const std::string& scope,
                          std::int64_t now);
std::vector<ApiToken> list_api_tokens(db::Connection& c);
// False when there is no such token or it was already revoked.
bool revoke_api_token(db::Connection& c, std::int64_t id, std::int64_t now);

// The live token named by an Authorization header's value ("Bearer pbt_…") with `scope`, or
// nothing (absent, malformed, unknown, revoked or another scope).
std::optional<ApiToken> bearer_token(db::Connection& c, std::string_view authorization, std::string_view scope);

}  // namespace auth
