#pragma once
// The durable e-mail queue (table mail_outbox, migration 0009; a db::DurableQueue whose statuses
// are queued → sent | failed: the lease alone marks a claim). Services queue a mail with
// enqueue() on the connection of their own transaction, so the mail is stored exactly when their
// change commits and no mail is lost if the process dies; a MailWorker sends it later.
#include "db/database.h"
#include "db/durable_queue.h"

#include <tl/expected.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace mail {

struct QueuedMail {
  std::int64_t id = 0;
  std::string recipient, subject, body;
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
  // The queue itself (thread-safe): the worker claims and settles mails through it.
  static const db::DurableQueue& queue();
  // A mail the worker claimed; nullopt when the row is gone.
  static std::optional<QueuedMail> find(db::Connection& c, std::int64_t id);
};

}  // namespace mail
