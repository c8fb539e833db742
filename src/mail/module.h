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
  void register_routes(web::Site&) override {}
  void start() override { worker_->start(); }
  void stop() override { worker_->stop(); }
  static std::vector<web::BackupTable> tables() { return {{"mail_outbox"}}; }

 private:
  std::unique_ptr<MailWorker> worker_;
};

}  // namespace mail
