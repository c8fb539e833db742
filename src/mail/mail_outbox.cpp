#include "mail/mail_outbox.h"

#include "core/email_address.h"
#include "core/time.h"
#include "core/utf8.h"
#include "mail/message.h"

namespace mail {

tl::expected<std::int64_t, std::string> MailOutbox::enqueue(db::Connection& c, const std::string& to, const std::string& subject,
                                                            const std::string& body) {
  // Checked now, while the caller can still react, rather than failing at send time.
  if (!core::is_valid_email_address(to)) return tl::unexpected<std::string>("invalid recipient address");
  if (!core::is_valid_utf8(subject) || !core::is_valid_utf8(body)) return tl::unexpected<std::string>("subject or body is not UTF-8");
  return queue().enqueue(c, {{"recipient", to}, {"subject", subject}, {"body", body}}, core::now_unix());
}

const db::DurableQueue& MailOutbox::queue() {
  static const db::DurableQueue queue({"mail_outbox", "queued", "queued", "sent", "failed", "sent_at"});
  return queue;
}

std::optional<QueuedMail> MailOutbox::find(db::Connection& c, std::int64_t id) {
  auto r = c.query_one("SELECT recipient, subject, body, created_at FROM mail_outbox WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return QueuedMail{id, r->text(0), r->text(1), r->text(2), r->int64(3)};
}

}  // namespace mail
