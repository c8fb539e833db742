#include "messaging/outbox_repository.h"

namespace messaging {

int OutboxRepository::enqueue(const std::vector<InboundMessage>& messages, std::int64_t now) {
  int queued = 0;
  db::Transaction tx(c_);
  for (const auto& m : messages) {
    std::string channel(channel_name(m.channel));
    auto row = c_.query_one(
        "INSERT INTO messaging_inbound (channel, sender_id, platform_message_id, text, created_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING RETURNING id",
        {channel, m.sender_id, m.platform_message_id.empty() ? db::Value(db::Null{}) : db::Value(m.platform_message_id), m.text, now});
    if (!row) continue;
    c_.execute(
        "INSERT INTO messaging_outbox (inbound_id, channel, recipient_id, status, attempts, next_attempt_at, created_at) "
        "VALUES (?, ?, ?, 'pending', 0, ?, ?)",
        {row->int64(0), channel, m.sender_id, now, now});
    ++queued;
  }
  tx.commit();
  return queued;
}

std::vector<std::int64_t> OutboxRepository::due(std::int64_t now, int limit) {
  std::vector<std::int64_t> ids;
  for (const auto& r : c_.query("SELECT id FROM messaging_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ? "
                                "ORDER BY next_attempt_at, id LIMIT ?",
                                {now, static_cast<std::int64_t>(limit)}))
    ids.push_back(r.int64(0));
  return ids;
}

std::optional<OutboxJob> OutboxRepository::claim(std::int64_t id, std::int64_t now, std::int64_t lease_until) {
  // The WHERE repeats the due condition: whoever updates first moves next_attempt_at past `now`.
  if (c_.execute("UPDATE messaging_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ? "
                 "WHERE id = ? AND status IN ('pending', 'sending') AND next_attempt_at <= ?",
                 {lease_until, id, now}) != 1)
    return std::nullopt;
  auto r = c_.query_one(
      "SELECT o.channel, o.recipient_id, o.text, i.text, o.attempts FROM messaging_outbox o "
      "LEFT JOIN messaging_inbound i ON i.id = o.inbound_id WHERE o.id = ?",
      {id});
  if (!r) return std::nullopt;
  auto channel = parse_channel(r->text(0));
  if (!channel) return std::nullopt;
  return OutboxJob{id, *channel, r->text(1), r->opt_text(2), r->opt_text(3), static_cast<int>(r->int64(4))};
}

void OutboxRepository::set_text(std::int64_t id, const std::string& text) {
  c_.execute("UPDATE messaging_outbox SET text = ? WHERE id = ?", {text, id});
}

void OutboxRepository::mark_sent(std::int64_t id, std::int64_t now) {
  c_.execute("UPDATE messaging_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?", {now, id});
}

void OutboxRepository::schedule_retry(std::int64_t id, std::int64_t at, const std::string& error) {
  c_.execute("UPDATE messaging_outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?", {at, error, id});
}

void OutboxRepository::mark_failed(std::int64_t id, const std::string& error) {
  c_.execute("UPDATE messaging_outbox SET status = 'failed', last_error = ? WHERE id = ?", {error, id});
}

void OutboxRepository::release(std::int64_t id, std::int64_t now) {
  c_.execute("UPDATE messaging_outbox SET status = 'pending', attempts = attempts - 1, next_attempt_at = ? WHERE id = ? AND status = 'sending'",
             {now, id});
}

PurgeCounts OutboxRepository::purge(std::int64_t cutoff) {
  PurgeCounts n;
  db::Transaction tx(c_);
  n.outbox = c_.execute("DELETE FROM messaging_outbox WHERE status IN ('sent', 'failed') AND created_at < ?", {cutoff});
  n.inbound = c_.execute(
      "DELETE FROM messaging_inbound WHERE created_at < ? AND NOT EXISTS "
      "(SELECT 1 FROM messaging_outbox o WHERE o.inbound_id = messaging_inbound.id AND o.status IN ('pending', 'sending'))",
      {cutoff});
  tx.commit();
  return n;
}

}  // namespace messaging
