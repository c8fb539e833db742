#include "messaging/outbox_worker.h"

#include "text/personal_data.h"

#include <spdlog/spdlog.h>

namespace messaging {

db::Backoff reply_backoff(const Settings& settings) {
  return {settings.outbox_retry_base_seconds, {1, 6, 24, 120, 720}, settings.outbox_max_attempts};
}

namespace {
db::WorkerOptions worker_options(const Settings& settings) {
  db::WorkerOptions o;
  o.name = "messaging";
  o.lease_seconds = 120;  // longer than an answer plus the send timeout
  o.backoff = reply_backoff(settings);
  o.retention_days = settings.message_retention_days;
  o.redact = [](const std::string& s) { return text::mask_personal_data(s); };
  o.purge_also = [days = settings.message_retention_days](db::Connection& c, std::int64_t cutoff) {
    if (auto n = OutboxRepository(c).purge_messages(cutoff)) spdlog::info("messaging: deleted {} messages older than {} days", n, days);
  };
  return o;
}
}  // namespace

OutboxWorker::OutboxWorker(const core::Config& config, db::Database& database, answer::AnswerService& answers)
    : config_(config),
      settings_(config.section<Settings>()),
      database_(database),
      answers_(answers),
      worker_(database, reply_queue(), worker_options(settings_), [this](const db::Job& job) { return handle(job); }) {}

void OutboxWorker::start() {
  // A channel that receives but cannot send would fail every reply: say so once, at start.
  if (settings_.messenger.enabled() && settings_.messenger.page_token.empty())
    spdlog::warn("messaging: PHOBIEN_MESSENGER_APP_SECRET is set but PHOBIEN_MESSENGER_PAGE_TOKEN is not: replies cannot be sent");
  if (settings_.zalo.enabled() && settings_.zalo.access_token.empty())
    spdlog::warn("messaging: PHOBIEN_ZALO_OA_SECRET is set but PHOBIEN_ZALO_ACCESS_TOKEN is not: replies cannot be sent");
  worker_.start();
}

db::Outcome OutboxWorker::handle(const db::Job& job) {
  std::optional<OutboxJob> reply;
  {
    auto conn = database_.acquire();
    reply = OutboxRepository(*conn).find(job.id);
  }
  if (!reply) return db::Outcome::failure("unknown channel");
  const std::string about = "reply " + std::to_string(job.id) + " via " + std::string(channel_name(reply->channel));
  if (!reply->text) {
    if (!reply->question) return db::Outcome::failure("the message was deleted before it was answered", about);
    const answer::Question question{*reply->question, conversation_id(reply->channel, reply->recipient_id), {}};
    auto a = answers_.answer(question);
    // On a chat channel the asker's own message (a POST the platform signed) is the request: an
    // unsure answer goes to the experts as the web pages' "send to an expert" button does.
    if (a && a->handoff) {
      auto handed = answers_.hand_off(question, *a);
      if (!handed) spdlog::warn("messaging: hand-off of {} failed: {}", about, handed.error().message);
    }
    // A question the service refuses (too long) still gets a reply: the reason, in Vietnamese.
    reply->text = a ? format_reply(*a, config_) : trim_at_sentence(a.error().message, kMaxReplyChars);
    auto conn = database_.acquire();
    OutboxRepository(*conn).set_text(job.id, *reply->text);
  }
  auto request = send_request(reply->channel, reply->recipient_id, *reply->text, settings_);
  if (!request.error.empty()) return db::Outcome::failure(request.error, about);
  auto result = core::http_post(request.post, &worker_.stopping());
  if (result.cancelled) return db::Outcome::cancelled();
  auto delivery = delivery_outcome(reply->channel, result);
  if (delivery.kind == Delivery::sent) return db::Outcome::success(about);
  if (delivery.kind == Delivery::retry) return db::Outcome::retry(delivery.error, about);
  return db::Outcome::failure(delivery.error, about);
}

}  // namespace messaging
