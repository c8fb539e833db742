#include "messaging/webhook_events.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace messaging;
using nlohmann::json;

TEST(WebhookEvents, MessengerTakesTextMessagesOnly) {
  auto body = json::parse(R"({"object": "page", "entry": [{"id": "1", "time": 1, "messaging": [
    {"sender": {"id": "111"}, "recipient": {"id": "1"}, "message": {"mid": "m1", "text": "Thời gian thử việc tối đa?"}},
    {"sender": {"id": "1"}, "recipient": {"id": "111"}, "message": {"mid": "m2", "text": "trả lời", "is_echo": true}},
    {"sender": {"id": "111"}, "message": {"mid": "m3", "attachments": [{"type": "image"}]}},
    {"sender": {"id": "111"}, "delivery": {"mids": ["m0"]}},
    {"sender": {"id": "111"}, "read": {"watermark": 1}},
    {"sender": {"id": "bad id!"}, "message": {"mid": "m4", "text": "x"}},
    {"sender": {"id": "222"}, "message": {"mid": "m5", "text": " \u0001  "}}
  ]}]})");
  auto m = messenger_messages(body);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].sender_id, "111");
  EXPECT_EQ((*m)[0].platform_message_id, "m1");
  EXPECT_EQ((*m)[0].text, "Thời gian thử việc tối đa?");
  EXPECT_EQ((*m)[0].channel, Channel::messenger);
}

TEST(WebhookEvents, MessengerRejectsBodiesOfAnotherShape) {
  EXPECT_FALSE(messenger_messages(json::array()));
  EXPECT_FALSE(messenger_messages(json::parse(R"({"object": "page"})")));
  EXPECT_FALSE(messenger_messages(json::parse(R"({"object": "page", "entry": [{"messaging": 5}]})")));
  auto other = messenger_messages(json::parse(R"({"object": "instagram", "entry": []})"));
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->empty());
}

TEST(WebhookEvents, ZaloTakesUserSendText) {
  auto body = json::parse(R"({"app_id": "9", "event_name": "user_send_text", "sender": {"id": "246845883529197922"},
    "recipient": {"id": "1"}, "message": {"text": "Nghỉ hằng năm mấy ngày?", "msg_id": "abc"}, "timestamp": "1700000000000"})");
  auto m = zalo_messages(body);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].sender_id, "246845883529197922");
  EXPECT_EQ((*m)[0].channel, Channel::zalo);
  EXPECT_EQ(zalo_timestamp(body), "1700000000000");
  EXPECT_EQ(zalo_timestamp(json::parse(R"({"timestamp": 1700000000000})")), "1700000000000");
  auto follow = zalo_messages(json::parse(R"({"event_name": "follow", "follower": {"id": "1"}})"));
  ASSERT_TRUE(follow);
  EXPECT_TRUE(follow->empty());
  EXPECT_FALSE(zalo_messages(json::parse(R"({"event_name": "user_send_text", "message": "x"})")));
  EXPECT_FALSE(zalo_messages(json::parse(R"([1, 2])")));
}

TEST(WebhookEvents, ConversationIdHidesTheUserIdAndIsValid) {
  auto id = conversation_id(Channel::zalo, "246845883529197922");
  EXPECT_TRUE(id.starts_with("msg-"));
  EXPECT_EQ(id.size(), 28u);
  EXPECT_EQ(id.find("246845883529197922"), std::string::npos);
  EXPECT_EQ(id, conversation_id(Channel::zalo, "246845883529197922"));
  EXPECT_NE(id, conversation_id(Channel::messenger, "246845883529197922"));
}

}  // namespace
