#pragma once
// Where verified webhook messages go: stored with their queued reply in one transaction, then
// the worker is told. The webhook answers the platform at once; answering happens later.
#include "db/database.h"
#include "messaging/channel.h"

#include <functional>
#include <vector>

namespace messaging {

class Inbox {
 public:
  Inbox(db::Database& database, std::function<void()> on_queued) : database_(database), on_queued_(std::move(on_queued)) {}
  // Returns how many messages were queued (a redelivered message is not queued again).
  int accept(const std::vector<InboundMessage>& messages);

 private:
  db::Database& database_;
  std::function<void()> on_queued_;
};

}  // namespace messaging
