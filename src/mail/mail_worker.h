#pragma once
// The thread that delivers queued e-mails: it claims due mail_outbox rows, renders and sends each
// over SMTP, retries temporary failures with backoff, marks a mail failed after
// config.mail_max_attempts or on a permanent refusal, and deletes finished mails past the
// retention period. Several nodes may run one each against the same database. Without SMTP
// settings it sends nothing and mails stay queued until a restart with them.
#include "core/config.h"
#include "core/polling_thread.h"
#include "db/database.h"
#include "mail/mail_outbox.h"
#include "mail/message.h"

namespace mail {

// Seconds before attempt `attempts + 1`: base × 1, 4, 16, 64, 256, then 256 again (1 min to
// 4 h 16 min for the default base of 60 s: long enough to outlast greylisting and a night's outage).
std::int64_t retry_delay_seconds(int attempts, std::int64_t base);

class MailWorker {
 public:
  // Throws std::invalid_argument when SMTP is configured with a From that is no address.
  MailWorker(const core::Config& config, db::Database& database);
  ~MailWorker();
  void start() { thread_.start(); }
  // Returns promptly: a send in flight is cancelled and its mail goes back to the queue.
  void stop() { thread_.stop(); }
  // Mails were queued (and committed): look now rather than at the next poll.
  void notify() { thread_.notify(); }
  // One pass over the due mails; returns how many it tried. The thread calls it; tests may too.
  int run_once();

 private:
  void send(const QueuedMail& mail);
  void purge_if_due();

  const core::Config& config_;
  db::Database& database_;
  Mailbox from_;
  std::int64_t next_purge_ = 0;
  bool warned_unconfigured_ = false;
  core::PollingThread thread_;  // last: it stops before the members its passes use are destroyed
};

}  // namespace mail
