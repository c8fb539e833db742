#pragma once
#include <string>
#include <string_view>

namespace core {

// URL-safe random token with `bytes` bytes of entropy (libsodium).
std::string random_token(std::size_t bytes = 32);

// Lowercase hex of `bytes` random bytes (libsodium).
std::string random_hex(std::size_t bytes);

// Hex SHA-256, used to store tokens so that a database dump reveals no live session.
std::string sha256_hex(std::string_view data);

// Hex HMAC-SHA-256 of `data` under `key` (webhook signatures).
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

// Constant-time comparison for secrets.
bool secure_equals(std::string_view a, std::string_view b);

}  // namespace core
