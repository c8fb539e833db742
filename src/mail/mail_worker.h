#pragma once
// The worker that delivers queued e-mails, on the durable mail queue (mail::MailOutbox::queue, a
// db::QueueWorker): it renders and sends each mail over SMTP, retries temporary failures with
// backoff, marks a mail failed after PHOBIEN_MAIL_MAX_ATTEMPTS tries or on a permanent refusal, and
// deletes finished mails past the retention period. Several nodes may run one each against the
// same database. Without SMTP settings it claims nothing: mails stay queued until a restart with
// them, and the log says so once.
#include "db/database.h"
#include "db/queue_worker.h"
#include "mail/mail_outbox.h"
#include "mail/message.h"
#include "mail/settings.h"

namespace mail {

// Delays before the next try: base × 1, 4, 16, 64, 256, then 256 again (1 min to 4 h 16 min for
// the default base of 60 s: long enough to outlast greylisting and a night's outage), up to
// PHOBIEN_MAIL_MAX_ATTEMPTS tries.
db::Backoff mail_backoff(const Settings& settings);

class MailWorker {
 public:
  // Throws std::invalid_argument when SMTP is configured with a From that is no address.
  MailWorker(const Settings& settings, db::Database& database);
  void start() { worker_.start(); }
  // Returns promptly: a send in flight is cancelled and its mail goes back to the queue.
  void stop() { worker_.stop(); }
  // Mails were queued (and committed): look now rather than at the next poll.
  void notify() { worker_.notify(); }
  // One pass over the due mails; returns how many it tried. The thread calls it; tests may too.
  int run_once() { return worker_.run_once(); }

 private:
  bool ready();
  db::Outcome send(const db::Job& job);

  const Settings& settings_;
  db::Database& database_;
  Mailbox from_;
  bool warned_unconfigured_ = false;
  db::QueueWorker worker_;  // last: it stops before the members its handler uses are destroyed
};

}  // namespace mail
