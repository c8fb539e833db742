#include "messaging/outbox_worker.h"

#include "core/time.h"
#include "text/personal_data.h"

#include <spdlog/spdlog.h>

#include <array>

namespace messaging {

namespace {
constexpr int kBatch = 20;
constexpr std::int64_t kLeaseSeconds = 120;  // longer than an answer plus the send timeout
constexpr auto kPoll = std::chrono::seconds(1);
constexpr std::int64_t kPurgeEverySeconds = 3600;
}  // namespace

std::int64_t retry_delay_seconds(int attempts, std::int64_t base) {
  static constexpr std::array<std::int64_t, 5> factors = {1, 6, 24, 120, 720};
  std::size_t i = attempts < 1 ? 0 : std::min<std::size_t>(static_cast<std::size_t>(attempts - 1), factors.size() - 1);
  return base * factors[i];
}

OutboxWorker::OutboxWorker(const core::Config& config, db::Database& database, answer::AnswerService& answers)
    : config_(config), database_(database), answers_(answers) {}

OutboxWorker::~OutboxWorker() { stop(); }

void OutboxWorker::start() {
  // A channel that receives but cannot send would fail every reply: say so once, at start.
  if (config_.messenger.enabled() && config_.messenger.page_token.empty())
    spdlog::warn("messaging: PHOBIEN_MESSENGER_APP_SECRET is set but PHOBIEN_MESSENGER_PAGE_TOKEN is not: replies cannot be sent");
  if (config_.zalo.enabled() && config_.zalo.access_token.empty())
    spdlog::warn("messaging: PHOBIEN_ZALO_OA_SECRET is set but PHOBIEN_ZALO_ACCESS_TOKEN is not: replies cannot be sent");
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void OutboxWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::notify() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void OutboxWorker::loop() {
  while (!stopping_) {
    int handled = 0;
    try {
      handled = run_once();
      purge_if_due();
    } catch (const std::exception& e) {
      spdlog::warn("messaging: outbox pass failed: {}", text::mask_personal_data(e.what()));
    }
    if (handled > 0) continue;  // more may be due already (a batch, a retry without delay)
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, kPoll, [this] { return stopping_.load() || woken_; });
    woken_ = false;
  }
}

int OutboxWorker::run_once() {
  std::vector<std::int64_t> ids;
  {
    auto conn = database_.acquire();
    ids = OutboxRepository(*conn).due(core::now_unix(), kBatch);
  }
  int handled = 0;
  for (auto id : ids) {
    if (stopping_) break;
    std::optional<OutboxJob> job;
    {
      auto conn = database_.acquire();
      auto now = core::now_unix();
      job = OutboxRepository(*conn).claim(id, now, now + kLeaseSeconds);
    }
    if (!job) continue;  // another node took it
    ++handled;
    try {
      process(*job);
    } catch (const std::exception& e) {
      // The database or the answering service failed: try again later like a network error.
      finish(*job, {Delivery::retry, "internal: " + text::mask_personal_data(e.what())});
    }
  }
  return handled;
}

void OutboxWorker::process(OutboxJob& job) {
  if (!job.text) {
    if (!job.question) return finish(job, {Delivery::failed, "the message was deleted before it was answered"});
    auto a = answers_.answer({*job.question, conversation_id(job.channel, job.recipient_id)});
    // A question the service refuses (too long) still gets a reply: the reason, in Vietnamese.
    job.text = a ? format_reply(*a, config_) : trim_at_sentence(a.error().message, kMaxReplyChars);
    auto conn = database_.acquire();
    OutboxRepository(*conn).set_text(job.id, *job.text);
  }
  auto request = send_request(job.channel, job.recipient_id, *job.text, config_);
  if (!request.error.empty()) return finish(job, {Delivery::failed, request.error});
  auto result = core::http_post(request.post, &stopping_);
  if (result.cancelled) {
    auto conn = database_.acquire();
    OutboxRepository(*conn).release(job.id, core::now_unix());
    return;
  }
  finish(job, delivery_outcome(job.channel, result));
}

void OutboxWorker::finish(const OutboxJob& job, const Delivery& delivery) {
  auto conn = database_.acquire();
  OutboxRepository repo(*conn);
  auto channel = channel_name(job.channel);
  auto now = core::now_unix();
  if (delivery.kind == Delivery::sent) {
    repo.mark_sent(job.id, now);
    spdlog::info("messaging: reply {} sent via {} (attempt {})", job.id, channel, job.attempts);
  } else if (delivery.kind == Delivery::retry && job.attempts < config_.outbox_max_attempts) {
    auto delay = retry_delay_seconds(job.attempts, config_.outbox_retry_base_seconds);
    repo.schedule_retry(job.id, now + delay, delivery.error);
    spdlog::warn("messaging: reply {} via {} not delivered (attempt {}), retry in {} s: {}", job.id, channel, job.attempts, delay, delivery.error);
  } else {
    std::string error = delivery.kind == Delivery::retry
                            ? delivery.error + " (gave up after " + std::to_string(job.attempts) + " attempts)"
                            : delivery.error;
    repo.mark_failed(job.id, error);
    spdlog::error("messaging: reply {} via {} failed: {}", job.id, channel, error);
  }
}

void OutboxWorker::purge_if_due() {
  auto now = core::now_unix();
  if (config_.message_retention_days <= 0 || now < next_purge_) return;
  next_purge_ = now + kPurgeEverySeconds;
  auto conn = database_.acquire();
  auto n = OutboxRepository(*conn).purge(now - config_.message_retention_days * 86400);
  if (n.inbound || n.outbox)
    spdlog::info("messaging: deleted {} messages and {} replies older than {} days", n.inbound, n.outbox, config_.message_retention_days);
}

}  // namespace messaging
