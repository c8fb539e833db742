#pragma once
// The thread that answers queued chat messages and delivers the replies: it claims due outbox
// rows, composes the answer on the first attempt (kept in the row, so a retry resends the same
// text), posts it to the platform, and retries with backoff. It also deletes messages past the
// retention period. Several nodes may run one each against the same database.
#include "answer/answer_service.h"
#include "core/config.h"
#include "db/database.h"
#include "messaging/outbox_repository.h"
#include "messaging/reply.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace messaging {

// Seconds before attempt `attempts + 1`: base × 1, 6, 24, 120, 720 (5 s, 30 s, 2 min, 10 min, 1 h
// for the default base of 5 s), then 720 again.
std::int64_t retry_delay_seconds(int attempts, std::int64_t base);

class OutboxWorker {
 public:
  OutboxWorker(const core::Config& config, db::Database& database, answer::AnswerService& answers);
  ~OutboxWorker();
  void start();
  // Returns promptly: a send in flight is cancelled and its reply goes back to the queue.
  void stop();
  // New messages were queued: look now rather than at the next poll.
  void notify();

 private:
  void loop();
  int run_once();
  void process(OutboxJob& job);
  void finish(const OutboxJob& job, const Delivery& delivery);
  void purge_if_due();

  const core::Config& config_;
  db::Database& database_;
  answer::AnswerService& answers_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  std::thread thread_;
  std::int64_t next_purge_ = 0;
};

}  // namespace messaging
