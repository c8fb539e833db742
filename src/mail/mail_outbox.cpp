#include "mail/mail_outbox.h"

#include "core/time.h"
#include "core/utf8.h"
#include "mail/message.h"

namespace mail {

tl::expected<std::int64_t, std::string> MailOutbox::enqueue(db::Connection& c, const std::string& to, const std::string& subject,
                                                            const std::string& body) {
  // Checked now, while the caller can still react, rather than failing at send time.
  if (!is_valid_address(to)) return tl::unexpected<std::string>("invalid recipient address");
  if (!core::is_valid_utf8(subject) || !core::is_valid_utf8(body)) return tl::unexpected<std::string>("subject or body is not UTF-8");
  auto now = core::now_unix();
  auto row = c.query_one(
      "INSERT INTO mail_outbox (recipient, subject, body, status, attempts, next_attempt_at, created_at) "
      "VALUES (?, ?, ?, 'queued', 0, ?, ?) RETURNING id",
      {to, subject, body, now, now});
  return row->int64(0);
}

std::vector<std::int64_t> MailOutbox::due(db::Connection& c, std::int64_t now, int limit) {
  std::vector<std::int64_t> ids;
  for (const auto& r : c.query("SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                               {now, static_cast<std::int64_t>(limit)}))
    ids.push_back(r.int64(0));
  return ids;
}

std::optional<QueuedMail> MailOutbox::claim(db::Connection& c, std::int64_t id, std::int64_t now, std::int64_t lease_until) {
  // The WHERE repeats the due condition: whoever updates first moves next_attempt_at past `now`.
  if (c.execute("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND status = 'queued' AND next_attempt_at <= ?",
                {lease_until, id, now}) != 1)
    return std::nullopt;
  auto r = c.query_one("SELECT recipient, subject, body, attempts, created_at FROM mail_outbox WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return QueuedMail{id, r->text(0), r->text(1), r->text(2), static_cast<int>(r->int64(3)), r->int64(4)};
}

void MailOutbox::mark_sent(db::Connection& c, std::int64_t id, std::int64_t now) {
  c.execute("UPDATE mail_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?", {now, id});
}

void MailOutbox::schedule_retry(db::Connection& c, std::int64_t id, std::int64_t at, const std::string& error) {
  c.execute("UPDATE mail_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?", {at, error, id});
}

void MailOutbox::mark_failed(db::Connection& c, std::int64_t id, const std::string& error) {
  c.execute("UPDATE mail_outbox SET status = 'failed', last_error = ? WHERE id = ?", {error, id});
}

void MailOutbox::release(db::Connection& c, std::int64_t id, std::int64_t now) {
  c.execute("UPDATE mail_outbox SET attempts = attempts - 1, next_attempt_at = ? WHERE id = ? AND status = 'queued'", {now, id});
}

std::int64_t MailOutbox::purge(db::Connection& c, std::int64_t cutoff) {
  return c.execute("DELETE FROM mail_outbox WHERE status IN ('sent', 'failed') AND created_at < ?", {cutoff});
}

}  // namespace mail
