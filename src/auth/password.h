#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace auth {

// Argon2id (libsodium crypto_pwhash_str, interactive limits). The result embeds salt and cost.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// A password that people can type from a printed sheet: 4 groups of 5 letters and digits.
std::string generate_password();
// Nullopt when acceptable, otherwise a Vietnamese explanation.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace auth
