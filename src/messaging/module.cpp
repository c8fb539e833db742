#include "messaging/module.h"

#include "messaging/webhook_routes.h"

namespace messaging {

MessagingModule::MessagingModule(const web::ModuleContext& context, answer::AnswerService& answers)
    : outbox_(std::make_unique<OutboxWorker>(context.config, context.database, answers)),
      inbox_(std::make_unique<Inbox>(context.database, [outbox = outbox_.get()] { outbox->notify(); })) {}

void MessagingModule::register_routes(web::Site& site) { register_webhook_routes(site, *inbox_); }

void MessagingModule::start() { outbox_->start(); }

void MessagingModule::stop() { outbox_->stop(); }

std::vector<web::BackupTable> MessagingModule::tables() { return {{"messaging_inbound"}, {"messaging_outbox"}}; }

}  // namespace messaging
