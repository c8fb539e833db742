#include "antispam/proof_of_work.h"

#include <gtest/gtest.h>

namespace antispam::pow {

namespace {
const std::string kSecret(32, 'k');
constexpr std::int64_t kNow = 1790000000;

// Replaces the character at `i` with another one of the same class (digit or hex letter).
std::string tamper(std::string s, std::size_t i) {
  s[i] = s[i] == '0' ? '1' : '0';
  return s;
}
}  // namespace

TEST(ProofOfWork, ChallengeHasTheDocumentedShape) {
  std::string c = issue_challenge(kSecret, 8, kNow);
  EXPECT_EQ(c.rfind("v1.1790000000.8.", 0), 0u) << c;
  // v1 . issued . bits . 16 hex . 64 hex
  EXPECT_EQ(c.size(), 3 + 11 + 2 + 17 + 64u);
  EXPECT_NE(c, issue_challenge(kSecret, 8, kNow)) << "two challenges in the same second must differ";
  EXPECT_THROW(issue_challenge(kSecret, -1, kNow), std::invalid_argument);
  EXPECT_THROW(issue_challenge(kSecret, kMaxBits + 1, kNow), std::invalid_argument);
}

TEST(ProofOfWork, SolvedChallengePasses) {
  std::string c = issue_challenge(kSecret, 8, kNow);
  auto nonce = solve(c, 8);
  ASSERT_TRUE(nonce);
  EXPECT_GE(leading_zero_bits(c, *nonce), 8);
  EXPECT_EQ(verify(kSecret, c, *nonce, 8, kNow + 5), Result::ok);
  // A stronger challenge than required is fine; so is the last second of its life.
  EXPECT_EQ(verify(kSecret, c, *nonce, 6, kNow + kDefaultMaxAgeSeconds), Result::ok);
  EXPECT_EQ(verify(kSecret, c, *nonce, 0, kNow + 100, 100), Result::ok);
}

TEST(ProofOfWork, SolveFindsTheSmallestNonce) {
  std::string c = issue_challenge(kSecret, 6, kNow);
  auto nonce = solve(c, 6);
  ASSERT_TRUE(nonce);
  for (std::uint64_t n = 0; n < std::stoull(*nonce); ++n) EXPECT_LT(leading_zero_bits(c, std::to_string(n)), 6);
  EXPECT_FALSE(solve(c, 32, 10));
}

TEST(ProofOfWork, LeadingZeroBitsCountsFromTheFirstByte) {
  // Known answers from Python's hashlib: SHA-256("abc:0") = 5f36…, 0101 → 1 bit;
  // SHA-256("abc:4959") = 0006b5…, 0000 0000 0000 0110 → 13 bits, the first nonce with 12 or more.
  EXPECT_EQ(leading_zero_bits("abc", "0"), 1);
  EXPECT_EQ(leading_zero_bits("abc", "4959"), 13);
  EXPECT_EQ(solve("abc", 12), "4959");
  // A bound on each: no input hashes to all zeros.
  for (int n = 0; n < 50; ++n) EXPECT_LT(leading_zero_bits("x", std::to_string(n)), 40);
}

TEST(ProofOfWork, UnsolvedNonceFails) {
  std::string c = issue_challenge(kSecret, 12, kNow);
  // Find a nonce that does not solve it (almost every one).
  std::string wrong = "0";
  while (leading_zero_bits(c, wrong) >= 12) wrong = std::to_string(std::stoull(wrong) + 1);
  EXPECT_EQ(verify(kSecret, c, wrong, 12, kNow), Result::not_solved);
}

TEST(ProofOfWork, TamperedChallengesFailTheSignature) {
  std::string c = issue_challenge(kSecret, 8, kNow);
  auto nonce = *solve(c, 8);
  EXPECT_EQ(verify("another-secret", c, nonce, 8, kNow), Result::bad_signature);
  // Every field is covered by the MAC: issue time, bits, random part, and the MAC itself.
  const std::size_t issued_digit = 5, random_digit = 17, mac_digit = c.size() - 1;
  for (std::size_t i : {issued_digit, random_digit, mac_digit})
    EXPECT_EQ(verify(kSecret, tamper(c, i), nonce, 0, kNow), Result::bad_signature) << tamper(c, i);
  std::string cheaper = c;
  cheaper.replace(cheaper.find(".8."), 3, ".1.");
  EXPECT_EQ(verify(kSecret, cheaper, *solve(cheaper, 1), 0, kNow), Result::bad_signature);
}

TEST(ProofOfWork, OldChallengesExpire) {
  std::string c = issue_challenge(kSecret, 4, kNow);
  auto nonce = *solve(c, 4);
  EXPECT_EQ(verify(kSecret, c, nonce, 4, kNow + kDefaultMaxAgeSeconds + 1), Result::expired);
  EXPECT_EQ(verify(kSecret, c, nonce, 4, kNow + 61, 60), Result::expired);
  // From far in the future (a node whose clock is off by more than a minute).
  EXPECT_EQ(verify(kSecret, c, nonce, 4, kNow - 3600), Result::expired);
  EXPECT_EQ(verify(kSecret, c, nonce, 4, kNow - 30), Result::ok);
}

TEST(ProofOfWork, ChallengeForFewerBitsThanRequiredIsTooEasy) {
  std::string c = issue_challenge(kSecret, 4, kNow);
  auto nonce = *solve(c, 4);
  EXPECT_EQ(verify(kSecret, c, nonce, 5, kNow), Result::too_easy);
  // Even when the nonce happens to satisfy more bits: the signed difficulty is what counts.
  auto strong = *solve(c, 10);
  EXPECT_EQ(verify(kSecret, c, strong, 10, kNow), Result::too_easy);
}

TEST(ProofOfWork, MalformedInputIsRefusedBeforeAnyCrypto) {
  std::string c = issue_challenge(kSecret, 4, kNow);
  auto nonce = *solve(c, 4);
  const std::string mac = c.substr(c.rfind('.') + 1);
  const std::vector<std::string> bad_challenges = {
      "", "v1", "garbage", c + "x", c.substr(1), "v2" + c.substr(2),
      "v1.17900000x0.4.0123456789abcdef." + mac, "v1.1790000000.99.0123456789abcdef." + mac,
      "v1.1790000000.4.0123456789ABCDEF." + mac, "v1.1790000000.4.0123456789abcdef.extra." + mac,
      "v1.1790000000.4.0123456789abcdef", c + std::string(200, '0')};
  for (const std::string& bad : bad_challenges)
    EXPECT_EQ(verify(kSecret, bad, nonce, 4, kNow), Result::malformed) << bad;
  for (std::string bad_nonce : {"", "-1", "1e3", " 1", "0x10", "123456789012345678901", "\u0661"})
    EXPECT_EQ(verify(kSecret, c, bad_nonce, 4, kNow), Result::malformed) << bad_nonce;
}

TEST(ProofOfWork, ResultNamesForLogs) {
  EXPECT_EQ(to_string(Result::ok), "ok");
  EXPECT_EQ(to_string(Result::bad_signature), "bad_signature");
  EXPECT_EQ(to_string(Result::replayed), "replayed");
}

}  // namespace antispam::pow
