#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace auth {

// Argon2id (libsodium crypto_pwhash_str) at the current cost. The result embeds salt and cost,
// so a hash verifies whatever the cost is when it is checked.
std::string hash_password(std::string_view password);

// The cost of new hashes: libsodium's interactive limits (64 MiB, 2 passes), always in the phobien
// program. The test program sets `minimum_for_tests` (8 KiB, 1 pass) once in its main(): its
// hundreds of users and logins would otherwise spend minutes in Argon2id.
enum class PasswordCost { interactive, minimum_for_tests };
void set_password_cost(PasswordCost cost);
bool verify_password(std::string_view hash, std::string_view password);
// A password that people can type from a printed sheet: 4 groups of 5 letters and digits.
std::string generate_password();
// Nullopt when acceptable, otherwise a Vietnamese explanation.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace auth
