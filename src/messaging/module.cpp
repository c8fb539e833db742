#include "messaging/module.h"

#include "messaging/webhook_routes.h"

namespace messaging {

MessagingModule::MessagingModule(const web::ModuleContext& context, answer::AnswerService& answers)
    : outbox_(std::make_unique<OutboxWorker>(context.config, context.database, answers)),
      inbox_(std::make_unique<Inbox>(context.database, [outbox = outbox_.get()] { outbox->notify(); })) {}

void MessagingModule::register_routes(web::Site& site) { register_webhook_routes(site, *inbox_); }

void MessagingModule::start() { outbox_->start(); }

void MessagingModule::stop() { outbox_->stop(); }

// A reply still waiting in a backup is not sent again after a restore: by then it is late, and
// the person may have had it already.
std::vector<web::BackupTable> MessagingModule::tables() {
  return {{"messaging_inbound"},
          web::BackupTable::queue("messaging_outbox", "UPDATE messaging_outbox SET status = 'failed', "
                                                      "last_error = 'restored from a backup: not sent again' WHERE status IN ('pending', 'sending')")};
}

}  // namespace messaging
