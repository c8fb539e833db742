#include "messaging/reply.h"

#include "core/utf8.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace messaging;

TEST(Reply, AddsTheAbsoluteLinkOfTheFirstCitation) {
  core::Config config;
  config.base_url = "https://pbgdpl.example.gov.vn/";
  answer::Answer a;
  a.text = "Theo khoản 1 Điều 113 Bộ luật Lao động:\n“12 ngày làm việc”";
  a.citations.push_back({});
  a.citations[0].url = "/van-ban/bo-luat-lao-dong/dieu-113#khoan-1";
  EXPECT_EQ(format_reply(a, config), a.text + "\n\nXem toàn văn: https://pbgdpl.example.gov.vn/van-ban/bo-luat-lao-dong/dieu-113#khoan-1");
  a.citations.clear();
  EXPECT_EQ(format_reply(a, config), a.text);
}

TEST(Reply, LongAnswersAreCutAtASentenceAndKeepTheLink) {
  core::Config config;
  config.base_url = "https://x.vn";
  answer::Answer a;
  for (int i = 0; i < 200; ++i) a.text += "Người lao động được nghỉ hằng năm. ";
  a.citations.push_back({});
  a.citations[0].url = "/van-ban/a/dieu-1";
  auto reply = format_reply(a, config);
  EXPECT_LE(core::utf8_length(reply), kMaxReplyChars);
  EXPECT_TRUE(reply.ends_with("năm.…\n\nXem toàn văn: https://x.vn/van-ban/a/dieu-1")) << reply.substr(reply.size() - 120);
  EXPECT_EQ(trim_at_sentence("ngắn", 10), "ngắn");
  EXPECT_EQ(trim_at_sentence("một hai ba bốn năm sáu", 10), "một hai…");
}

TEST(Reply, PlatformRequestsCarryTheTokenAndRecipient) {
  Settings config;
  config.messenger.page_token = "tok en";
  config.messenger.send_url = "http://127.0.0.1:1/me/messages";
  auto m = send_request(Channel::messenger, "111", "Xin chào", config);
  EXPECT_TRUE(m.error.empty());
  EXPECT_EQ(m.post.url, "http://127.0.0.1:1/me/messages?access_token=tok%20en");
  auto body = nlohmann::json::parse(m.post.body);
  EXPECT_EQ(body["recipient"]["id"], "111");
  EXPECT_EQ(body["messaging_type"], "RESPONSE");
  EXPECT_EQ(body["message"]["text"], "Xin chào");

  auto z = send_request(Channel::zalo, "222", "Xin chào", config);
  EXPECT_FALSE(z.error.empty()) << "no Zalo token configured";
  config.zalo.access_token = "zt";
  z = send_request(Channel::zalo, "222", "Xin chào", config);
  EXPECT_EQ(z.post.url, "https://openapi.zalo.me/v3.0/oa/message/cs");
  EXPECT_EQ(z.post.headers, std::vector<std::string>{"access_token: zt"});
  EXPECT_EQ(nlohmann::json::parse(z.post.body)["recipient"]["user_id"], "222");
}

TEST(Reply, DeliveryOutcomes) {
  auto outcome = [](Channel c, long status, std::string body = "") {
    core::HttpPostResult r;
    r.status = status;
    r.body = std::move(body);
    if (status == 0) r.error = "Couldn't connect to server";
    return delivery_outcome(c, r).kind;
  };
  EXPECT_EQ(outcome(Channel::messenger, 200), Delivery::sent);
  EXPECT_EQ(outcome(Channel::messenger, 0), Delivery::retry);
  EXPECT_EQ(outcome(Channel::messenger, 500), Delivery::retry);
  EXPECT_EQ(outcome(Channel::messenger, 503), Delivery::retry);
  EXPECT_EQ(outcome(Channel::messenger, 429), Delivery::retry);
  EXPECT_EQ(outcome(Channel::messenger, 400), Delivery::failed);
  EXPECT_EQ(outcome(Channel::messenger, 403), Delivery::failed);
  EXPECT_EQ(outcome(Channel::zalo, 200, R"({"error": 0, "message": "Success"})"), Delivery::sent);
  EXPECT_EQ(outcome(Channel::zalo, 200, R"({"error": -216, "message": "Access token is invalid"})"), Delivery::failed);
}

}  // namespace
