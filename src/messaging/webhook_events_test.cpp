#include "messaging/webhook_events.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace messaging;
using nlohmann::json;

constexpr std::int64_t kNow = 1700000000000;  // the "current" time of these tests, in milliseconds

TEST(WebhookEvents, MessengerTakesTextMessagesOnly) {
  auto body = json::parse(R"({"object": "page", "entry": [{"id": "1", "time": 1, "messaging": [
    {"sender": {"id": "111"}, "recipient": {"id": "1"}, "timestamp": 1699999999000, "message": {"mid": "m1", "text": "Thời gian thử việc tối đa?"}},
    {"sender": {"id": "1"}, "recipient": {"id": "111"}, "message": {"mid": "m2", "text": "trả lời", "is_echo": true}},
    {"sender": {"id": "111"}, "message": {"mid": "m3", "attachments": [{"type": "image"}]}},
    {"sender": {"id": "111"}, "delivery": {"mids": ["m0"]}},
    {"sender": {"id": "111"}, "read": {"watermark": 1}},
    {"sender": {"id": "bad id!"}, "message": {"mid": "m4", "text": "x"}},
    {"sender": {"id": "222"}, "message": {"mid": "m5", "text": " \u0001  "}}
  ]}]})");
  auto m = messenger_messages(body, kNow);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].sender_id, "111");
  EXPECT_EQ((*m)[0].platform_message_id, "m1");
  EXPECT_EQ((*m)[0].text, "Thời gian thử việc tối đa?");
  EXPECT_EQ((*m)[0].channel, Channel::messenger);
}

TEST(WebhookEvents, MessengerRejectsBodiesOfAnotherShape) {
  EXPECT_FALSE(messenger_messages(json::array(), kNow));
  EXPECT_FALSE(messenger_messages(json::parse(R"({"object": "page"})"), kNow));
  EXPECT_FALSE(messenger_messages(json::parse(R"({"object": "page", "entry": [{"messaging": 5}]})"), kNow));
  auto other = messenger_messages(json::parse(R"({"object": "instagram", "entry": []})"), kNow);
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->empty());
}

TEST(WebhookEvents, ZaloTakesUserSendText) {
  auto body = json::parse(R"({"app_id": "9", "event_name": "user_send_text", "sender": {"id": "246845883529197922"},
    "recipient": {"id": "1"}, "message": {"text": "Nghỉ hằng năm mấy ngày?", "msg_id": "abc"}, "timestamp": "1700000000000"})");
  auto m = zalo_messages(body, kNow);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].sender_id, "246845883529197922");
  EXPECT_EQ((*m)[0].channel, Channel::zalo);
  EXPECT_EQ(zalo_timestamp(body), "1700000000000");
  EXPECT_EQ(zalo_timestamp(json::parse(R"({"timestamp": 1700000000000})")), "1700000000000");
  auto follow = zalo_messages(json::parse(R"({"event_name": "follow", "follower": {"id": "1"}})"), kNow);
  ASSERT_TRUE(follow);
  EXPECT_TRUE(follow->empty());
  EXPECT_FALSE(zalo_messages(json::parse(R"({"event_name": "user_send_text", "message": "x"})"), kNow));
  EXPECT_FALSE(zalo_messages(json::parse(R"([1, 2])"), kNow));
}

TEST(WebhookEvents, ConversationIdHidesTheUserIdAndIsValid) {
  auto id = conversation_id(Channel::zalo, "246845883529197922");
  EXPECT_TRUE(id.starts_with("msg-"));
  EXPECT_EQ(id.size(), 28u);
  EXPECT_EQ(id.find("246845883529197922"), std::string::npos);
  EXPECT_EQ(id, conversation_id(Channel::zalo, "246845883529197922"));
  EXPECT_NE(id, conversation_id(Channel::messenger, "246845883529197922"));
}

// A signed body sent again later must not be answered again once its ids have been purged: old
// events, events from the future and messages without an id are ignored.
TEST(WebhookEvents, StaleFutureAndIdlessMessagesAreIgnored) {
  auto zalo = [](const std::string& timestamp, const std::string& msg_id) {
    return json{{"event_name", "user_send_text"}, {"sender", {{"id", "2468"}}}, {"message", {{"text", "Nghỉ hằng năm?"}, {"msg_id", msg_id}}},
                {"timestamp", timestamp}};
  };
  EXPECT_EQ(zalo_messages(zalo(std::to_string(kNow - 60'000), "a"), kNow)->size(), 1u);
  EXPECT_TRUE(zalo_messages(zalo(std::to_string(kNow - kMaxEventAgeMillis - 1), "a"), kNow)->empty()) << "more than a day old";
  EXPECT_TRUE(zalo_messages(zalo(std::to_string(kNow + kMaxEventAheadMillis + 1), "a"), kNow)->empty()) << "from the future";
  EXPECT_TRUE(zalo_messages(zalo("", "a"), kNow)->empty()) << "no timestamp";
  EXPECT_TRUE(zalo_messages(zalo("17e11", "a"), kNow)->empty()) << "not digits";
  EXPECT_TRUE(zalo_messages(zalo(std::to_string(kNow), ""), kNow)->empty()) << "no message id";
  auto messenger = [](json timestamp, const std::string& mid) {
    json event = {{"sender", {{"id", "111"}}}, {"message", {{"mid", mid}, {"text", "Thử việc?"}}}};
    if (!timestamp.is_null()) event["timestamp"] = timestamp;
    return json{{"object", "page"}, {"entry", {{{"messaging", {event}}}}}};
  };
  EXPECT_EQ(messenger_messages(messenger(kNow, "m"), kNow)->size(), 1u);
  EXPECT_TRUE(messenger_messages(messenger(kNow - kMaxEventAgeMillis - 1, "m"), kNow)->empty());
  EXPECT_TRUE(messenger_messages(messenger(nullptr, "m"), kNow)->empty());
  EXPECT_TRUE(messenger_messages(messenger(kNow, ""), kNow)->empty());
}

}  // namespace
