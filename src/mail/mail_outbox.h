#pragma once
// The durable e-mail queue (table mail_outbox, migration 0009). Services queue a mail with
// enqueue() on the connection of their own transaction, so the mail is stored exactly when their
// change commits and no mail is lost if the process dies; a MailWorker sends it later.
// The other functions are the worker's: claims are a guarded UPDATE, so any number of workers on
// one database never take the same mail twice (on PostgreSQL the second UPDATE waits for the
// first, then matches nothing).
#include "db/database.h"

#include <tl/expected.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mail {

struct QueuedMail {
  std::int64_t id = 0;
  std::string recipient, subject, body;
  int attempts = 0;  // including the one just claimed
  std::int64_t created_at = 0;
};

class MailOutbox {
 public:
  // Queues one plain-text mail to `to` (a bare address); returns its id, or an English reason
  // when the address is malformed or a text is not UTF-8 (nothing is queued then). Joins the
  // transaction open on `c`, if any. Call MailWorker::notify() after the commit to send at once
  // rather than at the worker's next poll.
  static tl::expected<std::int64_t, std::string> enqueue(db::Connection& c, const std::string& to, const std::string& subject,
                                                         const std::string& body);

  // Ids of mails due at `now`: queued ones whose time has come, including claims that lapsed.
  static std::vector<std::int64_t> due(db::Connection& c, std::int64_t now, int limit);
  // Takes the mail for this worker until `lease_until`, counting an attempt; nullopt when another
  // worker took it first.
  static std::optional<QueuedMail> claim(db::Connection& c, std::int64_t id, std::int64_t now, std::int64_t lease_until);
  static void mark_sent(db::Connection& c, std::int64_t id, std::int64_t now);
  static void schedule_retry(db::Connection& c, std::int64_t id, std::int64_t at, const std::string& error);
  static void mark_failed(db::Connection& c, std::int64_t id, const std::string& error);
  // Gives a claimed mail back uncounted (shutdown interrupted the send).
  static void release(db::Connection& c, std::int64_t id, std::int64_t now);
  // Deletes sent and failed mails created before `cutoff`; returns how many.
  static std::int64_t purge(db::Connection& c, std::int64_t cutoff);
};

}  // namespace mail
