// Chat channels end to end on both databases: signed webhooks in, answers out to a local stand-in
// for the platforms' send APIs, with retries, permanent failures and hostile input.
#include "messaging/outbox_repository.h"
#include "messaging/settings.h"
#include "messaging/signature.h"
#include "messaging/webhook_events.h"
#include "support/fixtures.h"
#include "support/library_fixtures.h"
#include "support/http_receiver.h"
#include "support/test_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

namespace {

using namespace testing_support;
using nlohmann::json;

const char* kCorpus = R"([
  {"id": "Bộ luật Lao động", "articles": [
    {"id": "113", "text": "Nghỉ hằng năm\n\n1. Người lao động làm việc đủ 12 tháng cho một người sử dụng lao động thì được nghỉ hằng năm, hưởng nguyên lương theo hợp đồng lao động như sau:\na) 12 ngày làm việc đối với người làm công việc trong điều kiện bình thường;\nb) 14 ngày làm việc đối với người lao động chưa thành niên.\n2. Người lao động làm việc chưa đủ 12 tháng thì số ngày nghỉ hằng năm theo tỷ lệ tương ứng với số tháng làm việc."}]}
])";
const char* kQuestion = "Người lao động làm việc đủ 12 tháng được nghỉ hằng năm bao nhiêu ngày?";
constexpr const char* kAppSecret = "messenger-app-secret";
constexpr const char* kZaloAppId = "360846524940903967";
constexpr const char* kZaloSecret = "zalo-oa-secret";

// Webhook events carry the time they happened; the server ignores ones outside its window.
std::int64_t now_millis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string messenger_body(const std::string& sender, const std::string& mid, const std::string& text) {
  return json{{"object", "page"},
              {"entry", {{{"id", "1"}, {"time", 1}, {"messaging", {{{"sender", {{"id", sender}}}, {"recipient", {{"id", "1"}}},
                                                                       {"timestamp", now_millis()},
                                                                       {"message", {{"mid", mid}, {"text", text}}}}}}}}}}
      .dump();
}

std::string zalo_body(const std::string& sender, const std::string& msg_id, const std::string& text) {
  return json{{"app_id", kZaloAppId},          {"event_name", "user_send_text"},
              {"sender", {{"id", sender}}},    {"recipient", {{"id", "99"}}},
              {"message", {{"text", text}, {"msg_id", msg_id}}}, {"timestamp", std::to_string(now_millis())}}
      .dump();
}

class MessagingTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam(), [this](core::Config& c) {
      c.base_url = "https://pbgdpl.example.gov.vn";
      c.section<messaging::Settings>().messenger = {kAppSecret, "verify-me", "page-token", receiver_.url("/me/messages")};
      c.section<messaging::Settings>().zalo = {kZaloAppId, kZaloSecret, "zalo-token", receiver_.url("/oa/message/cs")};
      c.section<messaging::Settings>().outbox_retry_base_seconds = 0;  // retries at once
      c.section<messaging::Settings>().outbox_max_attempts = 3;
    });
    if (!server_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set";
    ASSERT_TRUE(import_beside(*server_, kCorpus, "lao-dong.json"));
    // The server's index follows the change log; wait until the answer cites the article.
    for (int i = 0; i < 100; ++i) {
      auto r = server_->client().request("POST", "/api/v1/answer", json{{"question", "nghỉ hằng năm"}}.dump(), {{"Content-Type", "application/json"}});
      if (!json::parse(r.body)["citations"].empty()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  HttpResponse post_messenger(const std::string& body, std::optional<std::string> signature) {
    std::map<std::string, std::string> h{{"Content-Type", "application/json"}};
    if (signature) h["X-Hub-Signature-256"] = *signature;
    return server_->client().request("POST", "/webhooks/messenger", body, h);
  }
  HttpResponse post_messenger(const std::string& body) { return post_messenger(body, messaging::messenger_signature(body, kAppSecret)); }

  HttpResponse post_zalo(const std::string& body, std::optional<std::string> signature) {
    std::map<std::string, std::string> h{{"Content-Type", "application/json"}};
    if (signature) h["X-ZEvent-Signature"] = *signature;
    return server_->client().request("POST", "/webhooks/zalo", body, h);
  }
  HttpResponse post_zalo(const std::string& body) {
    // Zalo signs the body with its own "timestamp" field.
    return post_zalo(body, messaging::zalo_signature(kZaloAppId, body, messaging::zalo_timestamp(json::parse(body, nullptr, false)), kZaloSecret));
  }

  std::int64_t count(const std::string& table) { return server_->database().acquire()->query_int("SELECT COUNT(*) FROM " + table); }

  // Waits until the newest reply reaches `status`; returns (status, attempts, last_error).
  std::tuple<std::string, std::int64_t, std::string> wait_reply(const std::string& status) {
    std::optional<db::Row> row;
    for (int i = 0; i < 200; ++i) {
      row = server_->database().acquire()->query_one("SELECT status, attempts, last_error FROM messaging_outbox ORDER BY id DESC LIMIT 1");
      if (row && row->text(0) == status) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (!row) return {"", 0, ""};
    return {row->text(0), row->int64(1), row->text(2)};
  }

  HttpReceiver receiver_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(MessagingTest, MessengerQuestionGetsTheAnswerWithALink) {
  auto r = post_messenger(messenger_body("1234567890", "mid.1", kQuestion));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "EVENT_RECEIVED");
  EXPECT_FALSE(r.header("set-cookie")) << "machine endpoints get no CSRF cookie";

  auto sent = receiver_.wait_for(1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].method, "POST");
  EXPECT_EQ(sent[0].target, "/me/messages?access_token=page-token");
  auto body = json::parse(sent[0].body);
  EXPECT_EQ(body["recipient"]["id"], "1234567890");
  EXPECT_EQ(body["messaging_type"], "RESPONSE");
  std::string text = body["message"]["text"];
  EXPECT_TRUE(text.starts_with("Theo khoản 1 Điều 113 Bộ luật Lao động:")) << text;
  EXPECT_NE(text.find("12 ngày làm việc"), std::string::npos);
  EXPECT_NE(text.find("Xem toàn văn: https://pbgdpl.example.gov.vn/van-ban/"), std::string::npos) << text;

  auto [status, attempts, error] = wait_reply("sent");
  EXPECT_EQ(status, "sent");
  EXPECT_EQ(attempts, 1);
  auto c = server_->database().acquire();
  auto in = c->query_one("SELECT channel, sender_id, text FROM messaging_inbound");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->text(0), "messenger");
  EXPECT_EQ(in->text(2), kQuestion);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM messaging_outbox WHERE text IS NOT NULL AND sent_at IS NOT NULL"), 1);
}

TEST_P(MessagingTest, ZaloQuestionGetsTheAnswer) {
  auto r = post_zalo(zalo_body("246845883529197922", "z1", kQuestion));
  ASSERT_EQ(r.status, 200) << r.body;
  auto sent = receiver_.wait_for(1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].target, "/oa/message/cs");
  EXPECT_EQ(sent[0].headers["access_token"], "zalo-token");
  auto body = json::parse(sent[0].body);
  EXPECT_EQ(body["recipient"]["user_id"], "246845883529197922");
  EXPECT_NE(body["message"]["text"].get<std::string>().find("Điều 113"), std::string::npos);
  EXPECT_EQ(std::get<0>(wait_reply("sent")), "sent");
}

TEST_P(MessagingTest, UnsignedOrWronglySignedWebhooksAreRefusedAndNothingIsStored) {
  std::string m = messenger_body("1", "mid.x", kQuestion);
  EXPECT_EQ(post_messenger(m, std::nullopt).status, 401);
  EXPECT_EQ(post_messenger(m, messaging::messenger_signature(m, "wrong-secret")).status, 401);
  EXPECT_EQ(post_messenger(m, "sha256=zz").status, 401);
  EXPECT_EQ(post_messenger(m + " ", messaging::messenger_signature(m, kAppSecret)).status, 401) << "signature of another body";
  std::string z = zalo_body("2", "z.x", kQuestion);
  EXPECT_EQ(post_zalo(z, std::nullopt).status, 401);
  EXPECT_EQ(post_zalo(z, messaging::zalo_signature(kZaloAppId, z, "1700000000001", kZaloSecret)).status, 401);
  EXPECT_EQ(post_zalo(z, "mac=" + std::string(64, '0')).status, 401);
  EXPECT_EQ(post_zalo("{not json", "mac=00").status, 401);
  auto r = post_zalo(z, "sha256=abc");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "invalid_signature");
  EXPECT_EQ(count("messaging_inbound"), 0);
  EXPECT_EQ(count("messaging_outbox"), 0);
}

TEST_P(MessagingTest, MessengerVerificationHandshake) {
  auto c = server_->client();
  auto ok = c.get("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "1158201444");
  EXPECT_EQ(c.get("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").status, 403);
  EXPECT_EQ(c.get("/webhooks/messenger?hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1").status, 403);
  EXPECT_EQ(c.get("/webhooks/messenger?hub.mode=subscribe&hub.challenge=1").status, 403);
  EXPECT_EQ(c.get("/webhooks/zalo").status, 405);
}

TEST_P(MessagingTest, ServerErrorsAreRetriedUntilDelivered) {
  receiver_.script({500});
  ASSERT_EQ(post_messenger(messenger_body("42", "mid.r", kQuestion)).status, 200);
  auto [status, attempts, error] = wait_reply("sent");
  EXPECT_EQ(status, "sent");
  EXPECT_EQ(attempts, 2);
  auto sent = receiver_.wait_for(2);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].body, sent[1].body) << "a retry resends the same reply";
}

TEST_P(MessagingTest, RefusalsFailPermanentlyAndRetriesStopAtTheLimit) {
  receiver_.script({400});
  ASSERT_EQ(post_messenger(messenger_body("43", "mid.f", kQuestion)).status, 200);
  auto [status, attempts, error] = wait_reply("failed");
  EXPECT_EQ(status, "failed");
  EXPECT_EQ(attempts, 1);
  EXPECT_NE(error.find("HTTP 400"), std::string::npos) << error;

  receiver_.script({503, 503, 503, 503});
  ASSERT_EQ(post_zalo(zalo_body("44", "z.f", kQuestion)).status, 200);
  auto [status2, attempts2, error2] = wait_reply("failed");
  EXPECT_EQ(status2, "failed");
  EXPECT_EQ(attempts2, 3) << "PHOBIEN_OUTBOX_MAX_ATTEMPTS";
  EXPECT_NE(error2.find("gave up after 3 attempts"), std::string::npos) << error2;
}

TEST_P(MessagingTest, RedeliveredWebhooksAreStoredOnce) {
  std::string m = messenger_body("45", "mid.same", kQuestion);
  ASSERT_EQ(post_messenger(m).status, 200);
  ASSERT_EQ(post_messenger(m).status, 200);
  EXPECT_EQ(count("messaging_inbound"), 1);
  EXPECT_EQ(count("messaging_outbox"), 1);
}

TEST_P(MessagingTest, HostileInput) {
  // Over the 64 KB limit: refused before anything else.
  std::string big = messenger_body("46", "mid.big", std::string(65 * 1024, 'a'));
  EXPECT_EQ(post_messenger(big).status, 413);
  std::string big_zalo = zalo_body("46", "z.big", std::string(65 * 1024, 'a'));
  EXPECT_EQ(post_zalo(big_zalo).status, 413);
  EXPECT_EQ(count("messaging_inbound"), 0);

  // Valid signature, broken or foreign JSON: the project's JSON error.
  auto r = post_messenger("{\"object\": ");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "invalid_json");
  EXPECT_EQ(post_messenger("[1,2,3]").status, 400);
  EXPECT_EQ(post_zalo(R"({"event_name": "user_send_text", "message": 5, "timestamp": "1700000000000"})").status, 400);

  // A 50 KB question under the body limit is answered politely, not processed.
  ASSERT_EQ(post_messenger(messenger_body("47", "mid.long", std::string(50 * 1024, 'a'))).status, 200);
  auto sent = receiver_.wait_for(1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_NE(json::parse(sent[0].body)["message"]["text"].get<std::string>().find("quá dài"), std::string::npos);

  // Control characters are dropped, HTML is never echoed back.
  ASSERT_EQ(post_messenger(messenger_body("48", "mid.html", "nghỉ hằng năm \x01\x02<script>alert(1)</script> bao nhiêu ngày")).status, 200);
  sent = receiver_.wait_for(2);
  ASSERT_EQ(sent.size(), 2u);
  std::string text = json::parse(sent[1].body)["message"]["text"];
  EXPECT_EQ(text.find("<script>"), std::string::npos);
  auto stored = server_->database().acquire()->query_one("SELECT text FROM messaging_inbound WHERE platform_message_id = 'mid.html'");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->text(0).find('\x01'), std::string::npos);
}

TEST_P(MessagingTest, ShutdownInterruptsASendAndKeepsTheReplyQueued) {
  receiver_.hang(true);
  ASSERT_EQ(post_messenger(messenger_body("49", "mid.hang", kQuestion)).status, 200);
  ASSERT_EQ(receiver_.wait_for(1).size(), 1u);
  // The platform never answers: stopping must not wait for the 15 s send timeout.
  auto started = std::chrono::steady_clock::now();
  server_.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  receiver_.hang(false);
}

INSTANTIATE_TEST_SUITE_P(Backends, MessagingTest, ::testing::ValuesIn(backends()), backend_name);

// A server without channel secrets does not offer the endpoints at all.
TEST(MessagingDisabled, EndpointsAre404WithoutSecrets) {
  TestServer server("sqlite");
  auto c = server.client();
  EXPECT_EQ(c.get("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=&hub.challenge=1").status, 404);
  auto r = c.request("POST", "/webhooks/messenger", "{}", {{"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "not_found");
  EXPECT_EQ(c.request("POST", "/webhooks/zalo", "{}", {{"Content-Type", "application/json"}}).status, 404);
}

// The queue of replies on the durable queue (tests/integration/durable_queue_test.cpp tests the
// queue itself): its statuses, the question that travels with a claim, and retention.
class OutboxRepositoryTest : public BackendTest {};

TEST_P(OutboxRepositoryTest, AClaimedReplyIsSendingWithItsQuestion) {
  auto c = database().acquire();
  messaging::OutboxRepository repo(*c);
  ASSERT_EQ(repo.enqueue({{messaging::Channel::zalo, "7", "m", "câu hỏi"}}, 1000), 1);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM messaging_outbox WHERE status = 'pending'"), 1);
  auto job = messaging::reply_queue().claim(*c, 1000, 120);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->attempts, 1);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM messaging_outbox WHERE status = 'sending' AND next_attempt_at = 1120"), 1);
  auto reply = repo.find(job->id);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->channel, messaging::Channel::zalo);
  EXPECT_EQ(reply->recipient_id, "7");
  EXPECT_EQ(reply->question, "câu hỏi");
  EXPECT_FALSE(reply->text);
  EXPECT_FALSE(messaging::reply_queue().claim(*database().acquire(), 1100, 120)) << "already claimed";
  auto lapsed = messaging::reply_queue().claim(*c, 1200, 120);
  ASSERT_TRUE(lapsed) << "a claim whose worker died lapses, also for rows left 'sending' by an older version";
  EXPECT_EQ(lapsed->attempts, 2);
}

TEST_P(OutboxRepositoryTest, RetentionDeletesOldMessagesAndFinishedReplies) {
  auto c = database().acquire();
  messaging::OutboxRepository repo(*c);
  repo.enqueue({{messaging::Channel::messenger, "1", "old-sent", "a"}, {messaging::Channel::messenger, "1", "old-pending", "b"}}, 100);
  repo.enqueue({{messaging::Channel::messenger, "1", "new", "c"}}, 5000);
  const auto& queue = messaging::reply_queue();
  auto job = queue.claim(*c, 100, 100);
  ASSERT_TRUE(job);
  ASSERT_TRUE(queue.complete(*c, *job, 150));
  EXPECT_EQ(queue.purge(*c, 1000), 1);
  EXPECT_EQ(repo.purge_messages(1000), 1) << "the old message still waiting for its reply stays";
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM messaging_inbound"), 2);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM messaging_outbox"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxRepositoryTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
