#include "messaging/outbox_repository.h"

namespace messaging {

const db::DurableQueue& reply_queue() {
  static const db::DurableQueue queue({"messaging_outbox", "pending", "sending", "sent", "failed", "sent_at"});
  return queue;
}

int OutboxRepository::enqueue(const std::vector<InboundMessage>& messages, std::int64_t now) {
  int queued = 0;
  db::Transaction tx(c_);
  for (const auto& m : messages) {
    std::string channel(channel_name(m.channel));
    auto row = c_.query_one(
        "INSERT INTO messaging_inbound (channel, sender_id, platform_message_id, text, created_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING RETURNING id",
        {channel, m.sender_id, db::text_or_null(m.platform_message_id), m.text, now});
    if (!row) continue;
    reply_queue().enqueue(c_, {{"inbound_id", row->int64(0)}, {"channel", channel}, {"recipient_id", m.sender_id}}, now);
    ++queued;
  }
  tx.commit();
  return queued;
}

std::optional<OutboxJob> OutboxRepository::find(std::int64_t id) {
  auto r = c_.query_one(
      "SELECT o.channel, o.recipient_id, o.text, i.text FROM messaging_outbox o "
      "LEFT JOIN messaging_inbound i ON i.id = o.inbound_id WHERE o.id = ?",
      {id});
  if (!r) return std::nullopt;
  auto channel = parse_channel(r->text(0));
  if (!channel) return std::nullopt;
  return OutboxJob{id, *channel, r->text(1), r->opt_text(2), r->opt_text(3)};
}

void OutboxRepository::set_text(std::int64_t id, const std::string& text) {
  c_.execute("UPDATE messaging_outbox SET text = ? WHERE id = ?", {text, id});
}

std::int64_t OutboxRepository::purge_messages(std::int64_t cutoff) {
  return c_.execute(
      "DELETE FROM messaging_inbound WHERE created_at < ? AND NOT EXISTS "
      "(SELECT 1 FROM messaging_outbox o WHERE o.inbound_id = messaging_inbound.id AND o.status IN ('pending', 'sending'))",
      {cutoff});
}

}  // namespace messaging
