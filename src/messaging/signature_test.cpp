#include "messaging/signature.h"

#include "core/random.h"

#include <gtest/gtest.h>

namespace {

using namespace messaging;

TEST(WebhookSignature, HmacMatchesRfc4231) {
  EXPECT_EQ(core::hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(WebhookSignature, MessengerAcceptsOnlyTheRightSecretAndBody) {
  std::string body = R"({"object":"page","entry":[]})";
  std::string sig = messenger_signature(body, "bi-mat");
  EXPECT_TRUE(sig.starts_with("sha256="));
  EXPECT_TRUE(messenger_signature_valid(body, sig, "bi-mat"));
  std::string upper = sig;
  for (std::size_t i = 7; i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[i])));
  EXPECT_TRUE(messenger_signature_valid(body, upper, "bi-mat")) << "hex case does not matter";
  EXPECT_FALSE(messenger_signature_valid(body + " ", sig, "bi-mat"));
  EXPECT_FALSE(messenger_signature_valid(body, sig, "bi-mat-khac"));
  EXPECT_FALSE(messenger_signature_valid(body, std::nullopt, "bi-mat"));
  EXPECT_FALSE(messenger_signature_valid(body, sig.substr(7), "bi-mat")) << "the sha256= prefix is required";
  EXPECT_FALSE(messenger_signature_valid(body, "sha256=", "bi-mat"));
  EXPECT_FALSE(messenger_signature_valid(body, messenger_signature(body, ""), "")) << "no secret, nothing is valid";
}

TEST(WebhookSignature, ZaloSignsAppIdBodyTimestampAndSecret) {
  std::string body = R"({"event_name":"user_send_text","timestamp":"1700000000000"})";
  std::string sig = zalo_signature("123", body, "1700000000000", "oa-bi-mat");
  EXPECT_EQ(sig, "mac=" + core::sha256_hex("123" + body + "1700000000000" + "oa-bi-mat"));
  EXPECT_TRUE(zalo_signature_valid("123", body, "1700000000000", sig, "oa-bi-mat"));
  EXPECT_FALSE(zalo_signature_valid("124", body, "1700000000000", sig, "oa-bi-mat"));
  EXPECT_FALSE(zalo_signature_valid("123", body, "1700000000001", sig, "oa-bi-mat"));
  EXPECT_FALSE(zalo_signature_valid("123", body, "1700000000000", sig, "khac"));
  EXPECT_FALSE(zalo_signature_valid("123", body, "1700000000000", std::nullopt, "oa-bi-mat"));
}

}  // namespace
