#include "antispam/proof_of_work.h"

#include "antispam/signed_token.h"
#include "core/random.h"

#include <sodium.h>

#include <bit>
#include <stdexcept>

namespace antispam::pow {

namespace {
constexpr std::string_view kPurpose = "question-pow";
constexpr std::string_view kVersion = "v1";
constexpr std::size_t kMaxChallengeLength = 160;
constexpr std::size_t kMaxNonceDigits = 20;
// Nodes' clocks may disagree a little; a challenge from further in the future is refused.
constexpr std::int64_t kClockSkewSeconds = 60;

struct Challenge {
  std::int64_t issued_at = 0;
  int bits = 0;
};

std::optional<Challenge> parse(std::string_view challenge, token::Parts& parts) {
  if (challenge.size() > kMaxChallengeLength) return std::nullopt;
  auto split = token::split_mac(challenge);
  if (!split) return std::nullopt;
  parts = *split;
  auto f = token::fields(parts.payload);
  if (f.size() != 4 || f[0] != kVersion || !token::lower_hex(f[3], 16)) return std::nullopt;
  auto issued = token::decimal(f[1], 12);
  auto bits = token::decimal(f[2], 2);
  if (!issued || !bits || *bits > kMaxBits) return std::nullopt;
  return Challenge{*issued, static_cast<int>(*bits)};
}

bool nonce_well_formed(std::string_view nonce) {
  if (nonce.empty() || nonce.size() > kMaxNonceDigits) return false;
  for (char c : nonce)
    if (c < '0' || c > '9') return false;
  return true;
}

int zero_bits(const unsigned char (&digest)[crypto_hash_sha256_BYTES]) {
  int n = 0;
  for (unsigned char byte : digest) {
    if (byte != 0) return n + std::countl_zero(byte);
    n += 8;
  }
  return n;
}

// SHA-256 state after challenge + ":", so each nonce costs only the last block or two.
crypto_hash_sha256_state prefix_state(std::string_view challenge) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(challenge.data()), challenge.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(":"), 1);
  return state;
}

int zero_bits_after(crypto_hash_sha256_state state, std::string_view nonce) {
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(nonce.data()), nonce.size());
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return zero_bits(digest);
}
}  // namespace

std::string_view to_string(Result r) {
  switch (r) {
    case Result::ok: return "ok";
    case Result::malformed: return "malformed";
    case Result::bad_signature: return "bad_signature";
    case Result::expired: return "expired";
    case Result::too_easy: return "too_easy";
    case Result::not_solved: return "not_solved";
    case Result::replayed: return "replayed";
  }
  return "unknown";
}

std::string issue_challenge(std::string_view secret, int bits, std::int64_t now) {
  if (bits < 0 || bits > kMaxBits) throw std::invalid_argument("proof-of-work bits out of range");
  std::string payload = std::string(kVersion) + "." + std::to_string(now) + "." + std::to_string(bits) + "." +
                        core::random_hex(8);
  return token::sign(secret, kPurpose, payload);
}

Result verify(std::string_view secret, std::string_view challenge, std::string_view nonce, int required_bits,
              std::int64_t now, std::int64_t max_age_seconds) {
  token::Parts parts;
  auto c = parse(challenge, parts);
  if (!c || !nonce_well_formed(nonce)) return Result::malformed;
  if (!token::mac_valid(secret, kPurpose, parts)) return Result::bad_signature;
  std::int64_t age = now - c->issued_at;
  if (age > max_age_seconds || age < -kClockSkewSeconds) return Result::expired;
  if (c->bits < required_bits) return Result::too_easy;
  if (leading_zero_bits(challenge, nonce) < c->bits) return Result::not_solved;
  return Result::ok;
}

bool spend(db::Connection& c, std::string_view challenge, std::int64_t expires_at) {
  return c.execute("INSERT INTO pow_spent (challenge_hash, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                   {core::sha256_hex(challenge), expires_at}) == 1;
}

std::int64_t purge_spent(db::Connection& c, std::int64_t now) {
  // Strictly earlier: at now == expires_at verify still accepts the challenge.
  return c.execute("DELETE FROM pow_spent WHERE expires_at < ?", {now});
}

Result verify_and_spend(db::Connection& c, std::string_view secret, std::string_view challenge, std::string_view nonce,
                        int required_bits, std::int64_t now, std::int64_t max_age_seconds) {
  Result r = verify(secret, challenge, nonce, required_bits, now, max_age_seconds);
  if (r != Result::ok) return r;
  token::Parts parts;
  auto parsed = parse(challenge, parts);
  return spend(c, challenge, parsed->issued_at + max_age_seconds) ? Result::ok : Result::replayed;
}

int leading_zero_bits(std::string_view challenge, std::string_view nonce) {
  return zero_bits_after(prefix_state(challenge), nonce);
}

std::optional<std::string> solve(std::string_view challenge, int bits, std::uint64_t max_tries) {
  const crypto_hash_sha256_state prefix = prefix_state(challenge);
  for (std::uint64_t n = 0; n < max_tries; ++n) {
    std::string nonce = std::to_string(n);
    if (zero_bits_after(prefix, nonce) >= bits) return nonce;
  }
  return std::nullopt;
}

}  // namespace antispam::pow
