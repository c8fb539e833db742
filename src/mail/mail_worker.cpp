#include "mail/mail_worker.h"

#include "core/time.h"
#include "mail/smtp_sender.h"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace mail {

db::Backoff mail_backoff(const Settings& settings) {
  return {settings.retry_base_seconds, {1, 4, 16, 64, 256}, settings.max_attempts};
}

namespace {
db::WorkerOptions worker_options(const Settings& settings, std::function<bool()> ready) {
  db::WorkerOptions o;
  o.name = "mail";
  // A lease outlasts the longest send, so no other worker takes a mail that is still being sent.
  o.lease_seconds = settings.smtp.timeout_seconds * 2 + 60;
  o.backoff = mail_backoff(settings);
  o.retention_days = settings.retention_days;
  o.ready = std::move(ready);
  return o;
}
}  // namespace

MailWorker::MailWorker(const Settings& settings, db::Database& database)
    : settings_(settings),
      database_(database),
      worker_(database, MailOutbox::queue(), worker_options(settings, [this] { return ready(); }),
              [this](const db::Job& job) { return send(job); }) {
  if (!settings_.smtp.enabled()) return;
  auto from = parse_mailbox(settings_.smtp.from);
  if (!from)
    throw std::invalid_argument("smtp.from (PHOBIEN_SMTP_FROM) phải là một địa chỉ e-mail, ví dụ \"PhoBien <no-reply@example.gov.vn>\" (nhận được \"" +
                                settings_.smtp.from + "\")");
  from_ = *from;
}

bool MailWorker::ready() {
  if (settings_.smtp.enabled()) return true;
  // Said once, and only when there is mail to send: most sites do not use e-mail yet.
  if (!warned_unconfigured_ && MailOutbox::queue().has_due(*database_.acquire(), core::now_unix())) {
    spdlog::warn("mail: e-mails are queued but SMTP is not configured (smtp.host or PHOBIEN_SMTP_HOST): they stay queued");
    warned_unconfigured_ = true;
  }
  return false;
}

db::Outcome MailWorker::send(const db::Job& job) {
  std::optional<QueuedMail> mail;
  {
    auto conn = database_.acquire();
    mail = MailOutbox::find(*conn, job.id);
  }
  if (!mail) return db::Outcome::failure("the mail was deleted before it was sent");
  // Logs never show the address or the text.
  const std::string about = std::to_string(mail->id) + " to " + mask_address(mail->recipient);
  SmtpResult result;
  try {
    // Date and Message-ID come from the row, so a retry sends the very same message.
    Message m{from_, {"", mail->recipient}, mail->subject, mail->body, mail->created_at,
              "phobien." + std::to_string(mail->created_at) + "." + std::to_string(mail->id) + from_.address.substr(from_.address.rfind('@'))};
    result = smtp_send(settings_.smtp, from_.address, mail->recipient, render(m), &worker_.stopping());
  } catch (const std::invalid_argument& e) {
    result.error = e.what();
    result.permanent = true;  // a row no message can be made of (edited by hand): sending again cannot help
  }
  if (result.cancelled) return db::Outcome::cancelled();
  if (result.sent()) return db::Outcome::success(about);
  if (result.permanent) return db::Outcome::failure(result.error, about);
  return db::Outcome::retry(result.error, about);
}

}  // namespace mail
