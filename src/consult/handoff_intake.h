#pragma once
// Consultation's side of the answering service's hand-offs (answer::Handoffs). A hand-off is a job
// on a durable queue (table answer_handoffs, statuses new → taken | failed; candidates stored as
// JSON), and a worker turns it into one new consultation question (source "handoff", status new)
// with the candidate articles that exist in the library, in the same transaction that marks the
// job taken. So a hand-off survives restarts and never becomes two questions, whichever node takes
// it. Every node may run the worker; hand_off() wakes this node's at once.
#include "answer/answer_service.h"
#include "db/database.h"
#include "db/queue_worker.h"

namespace consult {

// The queue of hand-offs (thread-safe, shared by every worker).
const db::DurableQueue& handoff_queue();

class HandoffIntake : public answer::Handoffs {
 public:
  explicit HandoffIntake(db::Database& database);
  std::int64_t hand_off(db::Connection& c, const answer::Handoff& handoff) override;
  void start() { worker_.start(); }
  void stop() { worker_.stop(); }
  // One pass: due hand-offs become questions; returns how many it took. The thread calls it; tests may too.
  int run_once() { return worker_.run_once(); }

 private:
  db::Outcome take(const db::Job& job);

  db::Database& database_;
  db::QueueWorker worker_;  // last: it stops before the members its handler uses are destroyed
};

}  // namespace consult
