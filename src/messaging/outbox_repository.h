#pragma once
// SQL of the messaging queue: inbound messages and the outbox of replies (migration 0006).
// Claims are a guarded UPDATE, so any number of workers on one database never take the same
// reply twice: on PostgreSQL the second UPDATE waits for the first and then matches nothing.
#include "db/database.h"
#include "messaging/channel.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace messaging {

struct OutboxJob {
  std::int64_t id = 0;
  Channel channel = Channel::messenger;
  std::string recipient_id;
  std::optional<std::string> text;      // the reply, once composed
  std::optional<std::string> question;  // the inbound message's text
  int attempts = 0;                     // including this one
};

struct PurgeCounts {
  std::int64_t inbound = 0, outbox = 0;
};

class OutboxRepository {
 public:
  explicit OutboxRepository(db::Connection& c) : c_(c) {}

  // Stores each message and its queued reply in one transaction; a message already stored (a
  // platform redelivering the webhook) is skipped. Returns how many were queued.
  int enqueue(const std::vector<InboundMessage>& messages, std::int64_t now);

  // Ids of replies due at `now`: pending ones, and claims whose worker died (lease lapsed).
  std::vector<std::int64_t> due(std::int64_t now, int limit);
  // Takes the reply for this worker until `lease_until`, counting an attempt; nullopt when
  // another worker took it first.
  std::optional<OutboxJob> claim(std::int64_t id, std::int64_t now, std::int64_t lease_until);

  void set_text(std::int64_t id, const std::string& text);
  void mark_sent(std::int64_t id, std::int64_t now);
  void schedule_retry(std::int64_t id, std::int64_t at, const std::string& error);
  void mark_failed(std::int64_t id, const std::string& error);
  // Gives a claimed reply back uncounted (shutdown interrupted it).
  void release(std::int64_t id, std::int64_t now);

  // Deletes finished replies and inbound messages created before `cutoff`; a message whose reply
  // is still queued stays.
  PurgeCounts purge(std::int64_t cutoff);

 private:
  db::Connection& c_;
};

}  // namespace messaging
