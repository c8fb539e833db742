#include "messaging/inbox.h"

#include "core/time.h"
#include "messaging/outbox_repository.h"

namespace messaging {

int Inbox::accept(const std::vector<InboundMessage>& messages) {
  if (messages.empty()) return 0;
  int queued = 0;
  {
    auto conn = database_.acquire();
    queued = OutboxRepository(*conn).enqueue(messages, core::now_unix());
  }
  if (queued > 0 && on_queued_) on_queued_();
  return queued;
}

}  // namespace messaging
