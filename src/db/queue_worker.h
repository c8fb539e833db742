#pragma once
// The thread that works one durable queue on this node: each pass claims due jobs one at a time
// (db::DurableQueue::claim, safe against workers on other nodes), hands each to the handler, and
// records the outcome with the backoff policy. Passes run on a core::PollingThread: every `poll`,
// at once after notify(), and again straight away after a pass that handled something. Once an
// hour it also deletes finished jobs past the retention period.
//
// Handlers run on the worker's thread, one job at a time. A handler that blocks (network sends)
// passes stopping() to what blocks as its cancel flag and reports Outcome::cancelled(), so stop()
// returns promptly and the job goes back to the queue uncounted. An exception from a handler counts
// as a temporary failure ("internal: …"); one from the database ends the pass, logged, and the
// job's lease lapses by itself.
#include "core/polling_thread.h"
#include "db/backoff.h"
#include "db/durable_queue.h"

#include <chrono>
#include <functional>
#include <string>

namespace db {

struct WorkerOptions {
  std::string name;                      // log prefix: "mail", "messaging", "handoffs"
  std::chrono::milliseconds poll{1000};  // between passes when idle
  std::int64_t lease_seconds = 120;      // longer than one attempt can take, so no other node takes a job in progress
  Backoff backoff;
  int batch = 20;           // jobs per pass at the most
  int retention_days = 0;   // done and failed jobs created longer ago are deleted; 0 keeps them
  // Applied to the text of exceptions (handler and database errors) before it is stored or logged:
  // they may quote a job's personal data. Handlers' own error texts must carry none.
  std::function<std::string(const std::string&)> redact;
  // While it returns false the worker claims nothing (e-mail without SMTP settings: mails wait).
  std::function<bool()> ready;
  // More to delete when finished jobs are purged, in the same transaction (messages whose reply went).
  std::function<void(Connection&, std::int64_t cutoff)> purge_also;
};

class QueueWorker {
 public:
  using Handler = std::function<Outcome(const Job&)>;

  QueueWorker(Database& database, DurableQueue queue, WorkerOptions options, Handler handler);
  ~QueueWorker();
  void start() { thread_.start(); }
  // Sets stopping(), wakes the thread and waits for the job in progress.
  void stop() { thread_.stop(); }
  // Jobs were queued (and committed): run a pass now rather than at the next poll.
  void notify() { thread_.notify(); }
  // One pass over the due jobs; returns how many it handled. The thread calls it; tests may too.
  int run_once();
  // The cancel flag for work in flight (core::http_post, mail::smtp_send).
  const std::atomic<bool>& stopping() const { return thread_.stopping(); }
  const DurableQueue& queue() const { return queue_; }

 private:
  void handle(const Job& job);
  void purge_if_due();
  std::string redacted(const std::string& text) const { return options_.redact ? options_.redact(text) : text; }

  Database& database_;
  const DurableQueue queue_;
  const WorkerOptions options_;
  Handler handler_;
  std::int64_t next_purge_ = 0;
  core::PollingThread thread_;  // last: it stops before the members its passes use are destroyed
};

}  // namespace db
