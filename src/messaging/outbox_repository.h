#pragma once
// SQL of the chat channels (migration 0006): inbound messages, and the queue of replies in
// `messaging_outbox`, a db::DurableQueue whose statuses are pending → sending (claimed) → sent |
// failed. A reply's row keeps the answer once composed, so a retry resends the same text.
#include "db/database.h"
#include "db/durable_queue.h"
#include "messaging/channel.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace messaging {

// The queue of replies (thread-safe, shared by every worker).
const db::DurableQueue& reply_queue();

struct OutboxJob {
  std::int64_t id = 0;
  Channel channel = Channel::messenger;
  std::string recipient_id;
  std::optional<std::string> text;      // the reply, once composed
  std::optional<std::string> question;  // the inbound message's text; gone when the message was purged
};

class OutboxRepository {
 public:
  explicit OutboxRepository(db::Connection& c) : c_(c) {}

  // Stores each message and its queued reply in one transaction; a message already stored (a
  // platform redelivering the webhook) is skipped. Returns how many were queued.
  int enqueue(const std::vector<InboundMessage>& messages, std::int64_t now);
  // The reply a worker claimed, with its question; nullopt when its channel is unknown.
  std::optional<OutboxJob> find(std::int64_t id);
  void set_text(std::int64_t id, const std::string& text);
  // Deletes inbound messages created before `cutoff`, except those whose reply is still queued
  // (finished replies go with reply_queue().purge); returns how many.
  std::int64_t purge_messages(std::int64_t cutoff);

 private:
  db::Connection& c_;
};

}  // namespace messaging
