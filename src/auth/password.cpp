#include "auth/password.h"

#include "core/utf8.h"

#include <sodium.h>

#include <atomic>
#include <stdexcept>

namespace auth {

namespace {
std::atomic<PasswordCost> cost{PasswordCost::interactive};
}

void set_password_cost(PasswordCost c) { cost = c; }

std::string hash_password(std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  const bool minimum = cost == PasswordCost::minimum_for_tests;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string generate_password() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  // No 0/O/1/l/I: the password is read off a screen and typed.
  static constexpr std::string_view alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int group = 0; group < 4; ++group) {
    if (group) out += '-';
    for (int i = 0; i < 5; ++i) out += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
  }
  return out;
}

std::optional<std::string> password_problem(std::string_view password) {
  auto n = core::utf8_length(password);
  if (n < 10) return "Mật khẩu phải có ít nhất 10 ký tự.";
  if (n > 200) return "Mật khẩu không được dài quá 200 ký tự.";
  return std::nullopt;
}

}  // namespace auth
