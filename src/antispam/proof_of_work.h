#pragma once
// Proof of work for anonymous askers (consultation form and API), without outside services.
//
// The server hands out a stateless signed challenge
//     v1.<issued unix>.<bits>.<16 random hex>.<hex HMAC-SHA256 under the site secret>
// and the client finds a nonce (a decimal string) such that SHA-256(challenge + ":" + nonce)
// starts with at least <bits> zero bits: 2^bits hashes on average, one to check. Nothing is
// stored when a challenge is issued, so any node can verify any other node's challenge; a
// solved challenge is recorded in `pow_spent` (migration 0010) when it is used, so it buys one
// question only. static/pow.js is the browser's solver; PHOBIEN_QUESTION_POW_BITS sets the
// difficulty (0 turns the check off: callers then neither issue nor verify).
#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antispam::pow {

inline constexpr std::int64_t kDefaultMaxAgeSeconds = 1800;
// Highest difficulty a challenge may carry (PHOBIEN_QUESTION_POW_BITS allows 0..28).
inline constexpr int kMaxBits = 32;

enum class Result {
  ok,
  malformed,      // not a challenge of ours, or the nonce is not 1 to 20 decimal digits
  bad_signature,  // shaped right but not signed with this site's secret (tampered, or forged)
  expired,        // older than max_age (or issued implausibly far in the future)
  too_easy,       // signed for fewer bits than now required (the setting was raised)
  not_solved,     // the hash does not have the challenge's leading zero bits
  replayed,       // verify_and_spend only: this challenge was already used
};
// "ok", "malformed", ...: for logs and API error codes.
std::string_view to_string(Result r);

// A fresh challenge for `bits` (0..kMaxBits; std::invalid_argument otherwise).
std::string issue_challenge(std::string_view secret, int bits, std::int64_t now);

// Checks signature, age, difficulty and the solution, in that order. Stateless: a challenge
// stays valid until it expires, so callers that accept it must also `spend` it.
Result verify(std::string_view secret, std::string_view challenge, std::string_view nonce, int required_bits,
              std::int64_t now, std::int64_t max_age_seconds = kDefaultMaxAgeSeconds);

// Records `challenge` as used until `expires_at` (when verify starts refusing it anyway).
// False when it was already recorded: a replay. Spend before any costly work the challenge
// pays for, so that one solution cannot buy that work twice.
bool spend(db::Connection& c, std::string_view challenge, std::int64_t expires_at);
// Deletes records whose challenges have expired; returns how many.
std::int64_t purge_spent(db::Connection& c, std::int64_t now);

// verify, then spend with the challenge's own expiry: Result::replayed on a second use.
Result verify_and_spend(db::Connection& c, std::string_view secret, std::string_view challenge, std::string_view nonce,
                        int required_bits, std::int64_t now, std::int64_t max_age_seconds = kDefaultMaxAgeSeconds);

// Leading zero bits of SHA-256(challenge + ":" + nonce).
int leading_zero_bits(std::string_view challenge, std::string_view nonce);

// The smallest nonce 0, 1, 2, ... that gives `bits` leading zero bits, trying at most
// `max_tries`: the same nonce static/pow.js finds. For tests and scripted API clients.
std::optional<std::string> solve(std::string_view challenge, int bits, std::uint64_t max_tries = 1ull << 32);

}  // namespace antispam::pow
