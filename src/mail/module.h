#pragma once
// E-mail notifications: a durable outbox that other modules write in their own transactions,
// and the worker thread that sends it over SMTP (docs/email.md). No pages of its own.
#include "mail/mail_worker.h"
#include "web/module.h"

#include <memory>

namespace mail {

class MailModule : public web::Module {
 public:
  // Throws std::invalid_argument when SMTP is configured with a From that is no address.
  explicit MailModule(const web::ModuleContext& context)
      : worker_(std::make_unique<MailWorker>(context.config.section<Settings>(), context.database)) {}
  std::string_view name() const override { return "mail"; }
  void start() override { worker_->start(); }
  void stop() override { worker_->stop(); }
  // Kept in backups as the record of what was sent; a mail still queued in a backup is not sent
  // again after a restore (docs/email.md).
  static std::vector<web::BackupTable> tables() {
    return {web::BackupTable::queue("mail_outbox", "UPDATE mail_outbox SET status = 'failed', "
                                                   "last_error = 'restored from a backup: not sent again' WHERE status = 'queued'")};
  }

 private:
  std::unique_ptr<MailWorker> worker_;
};

}  // namespace mail
