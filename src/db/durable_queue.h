#pragma once
// One durable queue: a table whose rows are jobs. A job is written on the caller's connection, in
// the same transaction as the change that caused it, so it exists if and only if that change was
// committed, and it survives restarts. Workers on any number of nodes take jobs from it
// (db::QueueWorker runs the loop); the chat replies, the e-mails and the answering service's
// hand-offs are such queues.
//
// Every queue table has `id`, `status`, `attempts`, `next_attempt_at`, `last_error` and
// `created_at` besides its own columns; QueueTable names its statuses. A job is *due* when its
// status is `waiting` or `claimed` and next_attempt_at <= now.
//  - claim() counts an attempt and moves next_attempt_at to the end of a lease in one statement:
//    on PostgreSQL its sub-select locks the row FOR UPDATE SKIP LOCKED, so two nodes never take the
//    same job (the second takes the next one instead of waiting); on SQLite the statement holds the
//    database's only write lock. A job whose worker died is due again when its lease ends.
//  - The attempt number fences the claim: finishing calls match `id` and `attempts`, so a worker
//    whose lease lapsed, and whose job another worker claimed since, changes nothing.
//  - A job that must finish in the same transaction as its own writes (exactly once, like a
//    hand-off becoming a question) calls complete() inside that transaction and reports
//    Outcome::completed().
// A DurableQueue holds only its table's description and SQL: it is immutable and thread-safe.
#include "db/backoff.h"
#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace db {

struct QueueTable {
  std::string name;         // the table
  std::string waiting;      // a job waiting for its turn (new, or to be retried)
  std::string claimed;      // while a worker holds it; may equal `waiting`: the lease alone is the claim
  std::string done;
  std::string failed;
  std::string finished_at;  // a column stamped when the job is done, or ""
};

struct Job {
  std::int64_t id = 0;
  int attempts = 0;  // including the one just claimed
};

// What a handler reports for one attempt.
struct Outcome {
  enum class Kind { done, completed, retry, failed, cancelled };
  Kind kind = Kind::done;
  std::string error;  // retry and failed: stored in last_error, logged
  std::string about;  // how log lines name the job ("reply 12 via zalo"); "" means "job <id>"

  static Outcome success(std::string about = {}) { return {Kind::done, {}, std::move(about)}; }
  // Done, and already recorded: the handler called DurableQueue::complete() in its own transaction.
  static Outcome completed(std::string about = {}) { return {Kind::completed, {}, std::move(about)}; }
  // A temporary failure: tried again after the backoff, until it is exhausted.
  static Outcome retry(std::string error, std::string about = {}) { return {Kind::retry, std::move(error), std::move(about)}; }
  // A permanent failure: trying again cannot help.
  static Outcome failure(std::string error, std::string about = {}) { return {Kind::failed, std::move(error), std::move(about)}; }
  // Shutdown interrupted the attempt: the job goes back uncounted.
  static Outcome cancelled() { return {Kind::cancelled, {}, {}}; }
};

// What the queue made of an outcome.
struct Settled {
  enum class Kind { done, retrying, failed, released, lost };  // lost: the claim was no longer ours
  Kind kind = Kind::done;
  std::int64_t delay_seconds = 0;  // retrying: until the next attempt
  std::string error;               // failed: as stored (with "gave up after N attempts" when exhausted)
};

class DurableQueue {
 public:
  explicit DurableQueue(QueueTable table);
  const QueueTable& table() const { return t_; }

  // Adds a job, due at once, with its own `columns` (names are the caller's constants, never
  // input); joins the transaction open on `c`, if any. Returns its id.
  std::int64_t enqueue(Connection& c, const std::vector<std::pair<std::string, Value>>& columns, std::int64_t now) const;
  // Whether a job is due, without claiming it (a read: cheaper than a claim that finds nothing).
  bool has_due(Connection& c, std::int64_t now) const;
  // Takes the due job waiting longest for this worker until now + lease_seconds, counting an
  // attempt; nullopt when none is due. Run it outside any transaction, so the claim commits.
  std::optional<Job> claim(Connection& c, std::int64_t now, std::int64_t lease_seconds) const;
  // Marks the job done (last_error cleared, finished_at stamped); false when the claim was no
  // longer ours, and then nothing changed. Idempotent: a second call matches nothing.
  bool complete(Connection& c, const Job& job, std::int64_t now) const;
  // Records an attempt's outcome: done, retried after `backoff` (failed with "gave up after N
  // attempts" once it is exhausted), failed, or put back uncounted (cancelled).
  Settled settle(Connection& c, const Job& job, const Outcome& outcome, const Backoff& backoff, std::int64_t now) const;
  // Deletes done and failed jobs created before `cutoff`; returns how many. Waiting jobs stay.
  std::int64_t purge(Connection& c, std::int64_t cutoff) const;

 private:
  // Runs one fenced update: `set` with its parameters, on this claim of the job.
  bool update_claimed(Connection& c, const std::string& set, Params params, const Job& job) const;

  QueueTable t_;
  std::string due_;  // the WHERE condition of a due job (parameters: waiting, claimed, now)
};

}  // namespace db
