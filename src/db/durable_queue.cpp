#include "db/durable_queue.h"

namespace db {

DurableQueue::DurableQueue(QueueTable table) : t_(std::move(table)), due_("status IN (?, ?) AND next_attempt_at <= ?") {}

std::int64_t DurableQueue::enqueue(Connection& c, const std::vector<std::pair<std::string, Value>>& columns, std::int64_t now) const {
  std::string names, marks;
  Params params;
  for (const auto& [name, value] : columns) {
    names += name + ", ";
    marks += "?, ";
    params.push_back(value);
  }
  params.insert(params.end(), {t_.waiting, now, now});
  return c.query_int("INSERT INTO " + t_.name + " (" + names + "status, attempts, next_attempt_at, created_at) VALUES (" + marks +
                         "?, 0, ?, ?) RETURNING id",
                     params);
}

bool DurableQueue::has_due(Connection& c, std::int64_t now) const {
  return c.query_one("SELECT 1 FROM " + t_.name + " WHERE " + due_ + " LIMIT 1", {t_.waiting, t_.claimed, now}).has_value();
}

std::optional<Job> DurableQueue::claim(Connection& c, std::int64_t now, std::int64_t lease_seconds) const {
  // The outer WHERE repeats the due condition: a row another worker claimed between the sub-select
  // and the update (SQLite cannot, PostgreSQL rechecks the newest row version) matches nothing.
  const char* lock = c.dialect() == Dialect::postgres ? " FOR UPDATE SKIP LOCKED" : "";
  auto row = c.query_one("UPDATE " + t_.name + " SET status = ?, attempts = attempts + 1, next_attempt_at = ? WHERE id = (SELECT id FROM " +
                             t_.name + " WHERE " + due_ + " ORDER BY next_attempt_at, id LIMIT 1" + lock + ") AND " + due_ +
                             " RETURNING id, attempts",
                         {t_.claimed, now + lease_seconds, t_.waiting, t_.claimed, now, t_.waiting, t_.claimed, now});
  if (!row) return std::nullopt;
  return Job{row->int64(0), static_cast<int>(row->int64(1))};
}

bool DurableQueue::update_claimed(Connection& c, const std::string& set, Params params, const Job& job) const {
  params.insert(params.end(), {job.id, static_cast<std::int64_t>(job.attempts), t_.waiting, t_.claimed});
  return c.execute("UPDATE " + t_.name + " SET " + set + " WHERE id = ? AND attempts = ? AND status IN (?, ?)", params) == 1;
}

bool DurableQueue::complete(Connection& c, const Job& job, std::int64_t now) const {
  if (t_.finished_at.empty()) return update_claimed(c, "status = ?, last_error = NULL", {t_.done}, job);
  return update_claimed(c, "status = ?, last_error = NULL, " + t_.finished_at + " = ?", {t_.done, now}, job);
}

Settled DurableQueue::settle(Connection& c, const Job& job, const Outcome& outcome, const Backoff& backoff, std::int64_t now) const {
  Settled s;
  bool ours = false;
  switch (outcome.kind) {
    case Outcome::Kind::done:
      s.kind = Settled::Kind::done;
      ours = complete(c, job, now);
      break;
    case Outcome::Kind::completed:
      s.kind = Settled::Kind::done;
      ours = true;
      break;
    case Outcome::Kind::cancelled:
      s.kind = Settled::Kind::released;
      ours = update_claimed(c, "status = ?, attempts = attempts - 1, next_attempt_at = ?", {t_.waiting, now}, job);
      break;
    case Outcome::Kind::retry:
      if (!backoff.exhausted(job.attempts)) {
        s.kind = Settled::Kind::retrying;
        s.delay_seconds = backoff.delay_seconds(job.attempts);
        ours = update_claimed(c, "status = ?, next_attempt_at = ?, last_error = ?", {t_.waiting, now + s.delay_seconds, outcome.error}, job);
        break;
      }
      s.error = outcome.error + " (gave up after " + std::to_string(job.attempts) + " attempts)";
      [[fallthrough]];
    case Outcome::Kind::failed:
      s.kind = Settled::Kind::failed;
      if (s.error.empty()) s.error = outcome.error;
      ours = update_claimed(c, "status = ?, last_error = ?", {t_.failed, s.error}, job);
      break;
  }
  if (!ours) s.kind = Settled::Kind::lost;
  return s;
}

std::int64_t DurableQueue::purge(Connection& c, std::int64_t cutoff) const {
  return c.execute("DELETE FROM " + t_.name + " WHERE status IN (?, ?) AND created_at < ?", {t_.done, t_.failed, cutoff});
}

}  // namespace db
