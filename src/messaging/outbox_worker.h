#pragma once
// The worker that answers queued chat messages and delivers the replies, on the durable queue of
// replies (messaging::reply_queue, a db::QueueWorker): it composes the answer on the first attempt
// (kept in the row, so a retry resends the same text and creates no second hand-off), posts it to
// the platform, and retries network errors, 5xx and 429 with backoff; other refusals fail at
// once. It also deletes messages past the retention period. Several nodes may run one each
// against the same database.
#include "answer/answer_service.h"
#include "core/config.h"
#include "db/database.h"
#include "db/queue_worker.h"
#include "messaging/outbox_repository.h"
#include "messaging/reply.h"
#include "messaging/settings.h"

namespace messaging {

// Delays before the next send: base × 1, 6, 24, 120, 720 (5 s, 30 s, 2 min, 10 min, 1 h for the
// default PHOBIEN_OUTBOX_RETRY_BASE_SECONDS of 5), then 720 again, up to
// PHOBIEN_OUTBOX_MAX_ATTEMPTS sends.
db::Backoff reply_backoff(const Settings& settings);

class OutboxWorker {
 public:
  OutboxWorker(const core::Config& config, db::Database& database, answer::AnswerService& answers);
  void start();
  // Returns promptly: a send in flight is cancelled and its reply goes back to the queue.
  void stop() { worker_.stop(); }
  // New messages were queued: look now rather than at the next poll.
  void notify() { worker_.notify(); }

 private:
  db::Outcome handle(const db::Job& job);

  const core::Config& config_;
  const Settings& settings_;
  db::Database& database_;
  answer::AnswerService& answers_;
  db::QueueWorker worker_;  // last: it stops before the members its handler uses are destroyed
};

}  // namespace messaging
