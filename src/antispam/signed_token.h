#pragma once
// The small toolkit behind the stateless tokens the server hands out and takes back (proof-of-work
// challenges, form timers): dot-separated ASCII fields, the last one a hex HMAC-SHA256 of the
// rest under the site secret. The MAC also covers a purpose string, so a token of one kind is
// never accepted as another even though one secret signs both.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace antispam::token {

// `payload` + "." + hex HMAC-SHA256(secret, purpose + "\n" + payload).
std::string sign(std::string_view secret, std::string_view purpose, std::string_view payload);

// Splits `token` into its payload and MAC; nullopt when there is no "." or the MAC is not 64
// lowercase hex digits.
struct Parts {
  std::string_view payload;
  std::string_view mac;
};
std::optional<Parts> split_mac(std::string_view token);

// Constant-time check of a MAC made by `sign`.
bool mac_valid(std::string_view secret, std::string_view purpose, const Parts& parts);

std::vector<std::string_view> fields(std::string_view payload);
// A decimal number of 1 to `max_digits` digits (no sign, no spaces).
std::optional<std::int64_t> decimal(std::string_view s, std::size_t max_digits = 18);
bool lower_hex(std::string_view s, std::size_t length);

}  // namespace antispam::token
