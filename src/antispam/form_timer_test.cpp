#include "antispam/form_timer.h"

#include "antispam/signed_token.h"

#include <gtest/gtest.h>

namespace antispam {

namespace {
const std::string kSecret(32, 's');
constexpr std::int64_t kNow = 1790000000;
}  // namespace

TEST(FormTimer, TokenFilledInAtAHumanPacePasses) {
  std::string t = issue_form_token(kSecret, kNow);
  EXPECT_EQ(t.rfind("f1.1790000000.", 0), 0u) << t;
  EXPECT_EQ(check_form_token(kSecret, t, kNow + kFormMinSeconds), FormTokenResult::ok);
  EXPECT_EQ(check_form_token(kSecret, t, kNow + 60), FormTokenResult::ok);
  EXPECT_EQ(check_form_token(kSecret, t, kNow + kFormMaxAgeSeconds), FormTokenResult::ok);
}

TEST(FormTimer, TooFastIsRefused) {
  std::string t = issue_form_token(kSecret, kNow);
  EXPECT_EQ(check_form_token(kSecret, t, kNow), FormTokenResult::too_fast);
  EXPECT_EQ(check_form_token(kSecret, t, kNow + kFormMinSeconds - 1), FormTokenResult::too_fast);
  EXPECT_EQ(check_form_token(kSecret, t, kNow + 9, 10), FormTokenResult::too_fast);
  // Issued "later" than now: another node's clock ahead, or a forged time (caught by the MAC anyway).
  EXPECT_EQ(check_form_token(kSecret, t, kNow - 100), FormTokenResult::too_fast);
}

TEST(FormTimer, OldTokenExpires) {
  std::string t = issue_form_token(kSecret, kNow);
  EXPECT_EQ(check_form_token(kSecret, t, kNow + kFormMaxAgeSeconds + 1), FormTokenResult::expired);
  EXPECT_EQ(check_form_token(kSecret, t, kNow + 61, 3, 60), FormTokenResult::expired);
}

TEST(FormTimer, TamperedTokenFailsTheSignature) {
  std::string t = issue_form_token(kSecret, kNow);
  EXPECT_EQ(check_form_token("khac", t, kNow + 10), FormTokenResult::bad_signature);
  // Moving the issue time back to skip the wait.
  std::string earlier = t;
  earlier.replace(0, 13, "f1.1789999000");
  EXPECT_EQ(check_form_token(kSecret, earlier, kNow), FormTokenResult::bad_signature);
  std::string mac_changed = t;
  mac_changed.back() = mac_changed.back() == '0' ? '1' : '0';
  EXPECT_EQ(check_form_token(kSecret, mac_changed, kNow + 10), FormTokenResult::bad_signature);
}

TEST(FormTimer, MalformedTokenIsRefused) {
  std::string t = issue_form_token(kSecret, kNow);
  const std::string mac = t.substr(t.rfind('.') + 1);
  const std::vector<std::string> bad_tokens = {
      "", "f1", t.substr(0, t.size() - 1), "x" + t, "f1.abc.0123456789abcdef." + mac, "f1.1790000000." + mac,
      "f1.1790000000.0123456789abcdef.00." + mac, t + std::string(100, 'a')};
  for (const std::string& bad : bad_tokens)
    EXPECT_EQ(check_form_token(kSecret, bad, kNow + 10), FormTokenResult::malformed) << bad;
}

TEST(FormTimer, ATokenSignedForAnotherPurposeIsRefused) {
  // Same secret and shape, signed as a proof-of-work challenge is: the purpose keeps them apart.
  std::string other = token::sign(kSecret, "question-pow", "f1.1790000000.0123456789abcdef");
  EXPECT_EQ(check_form_token(kSecret, other, kNow + 10), FormTokenResult::bad_signature);
  EXPECT_EQ(check_form_token(kSecret, token::sign(kSecret, "form-timer", "f1.1790000000.0123456789abcdef"), kNow + 10),
            FormTokenResult::ok);
  EXPECT_EQ(to_string(FormTokenResult::too_fast), "too_fast");
}

}  // namespace antispam
