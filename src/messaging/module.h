#pragma once
// Chat channels of the answering service (Facebook Messenger, Zalo OA): signed webhooks in, a
// durable queue of replies out, answered and sent by a worker thread in every node.
#include "answer/answer_service.h"
#include "messaging/inbox.h"
#include "messaging/outbox_worker.h"
#include "web/module.h"

#include <memory>

namespace messaging {

class MessagingModule : public web::Module {
 public:
  MessagingModule(const web::ModuleContext& context, answer::AnswerService& answers);
  std::string_view name() const override { return "messaging"; }
  void register_routes(web::Site& site) override;
  void start() override;
  void stop() override;
  static std::vector<web::BackupTable> tables();

 private:
  std::unique_ptr<OutboxWorker> outbox_;
  std::unique_ptr<Inbox> inbox_;
};

}  // namespace messaging
