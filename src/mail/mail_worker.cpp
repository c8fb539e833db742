#include "mail/mail_worker.h"

#include "core/time.h"
#include "mail/smtp_sender.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

namespace mail {

namespace {
constexpr int kBatch = 20;
constexpr auto kPoll = std::chrono::seconds(1);
constexpr std::int64_t kPurgeEverySeconds = 3600;
}  // namespace

std::int64_t retry_delay_seconds(int attempts, std::int64_t base) {
  int step = std::clamp(attempts - 1, 0, 4);
  return base << (2 * step);
}

MailWorker::MailWorker(const core::Config& config, db::Database& database)
    : config_(config), database_(database), thread_("mail", kPoll, [this] {
        int handled = run_once();
        purge_if_due();
        return handled;
      }) {
  if (!config_.smtp.enabled()) return;
  auto from = parse_mailbox(config_.smtp.from);
  if (!from)
    throw std::invalid_argument("smtp.from (PHOBIEN_SMTP_FROM) phải là một địa chỉ e-mail, ví dụ \"PhoBien <no-reply@example.gov.vn>\" (nhận được \"" +
                                config_.smtp.from + "\")");
  from_ = *from;
}

MailWorker::~MailWorker() { stop(); }

int MailWorker::run_once() {
  std::vector<std::int64_t> ids;
  {
    auto conn = database_.acquire();
    ids = MailOutbox::due(*conn, core::now_unix(), config_.smtp.enabled() ? kBatch : 1);
  }
  if (!config_.smtp.enabled()) {
    // Said once, and only when there is mail to send: most sites do not use e-mail yet.
    if (!ids.empty() && !warned_unconfigured_)
      spdlog::warn("mail: e-mails are queued but SMTP is not configured (smtp.host or PHOBIEN_SMTP_HOST): they stay queued");
    warned_unconfigured_ = warned_unconfigured_ || !ids.empty();
    return 0;
  }
  // A lease outlasts the longest send, so no other worker takes a mail that is still being sent.
  const std::int64_t lease = config_.smtp.timeout_seconds * 2 + 60;
  int handled = 0;
  for (auto id : ids) {
    if (thread_.stopping()) break;
    std::optional<QueuedMail> mail;
    {
      auto conn = database_.acquire();
      auto now = core::now_unix();
      mail = MailOutbox::claim(*conn, id, now, now + lease);
    }
    if (!mail) continue;  // another node took it
    ++handled;
    send(*mail);
  }
  return handled;
}

void MailWorker::send(const QueuedMail& mail) {
  const std::string who = mask_address(mail.recipient);  // logs never show the address or the text
  SmtpResult result;
  try {
    // Date and Message-ID come from the row, so a retry sends the very same message.
    Message m{from_, {"", mail.recipient}, mail.subject, mail.body, mail.created_at,
              "phobien." + std::to_string(mail.created_at) + "." + std::to_string(mail.id) + from_.address.substr(from_.address.rfind('@'))};
    result = smtp_send(config_.smtp, from_.address, mail.recipient, render(m), &thread_.stopping());
  } catch (const std::invalid_argument& e) {
    result.error = e.what();
    result.permanent = true;  // a row no message can be made of (edited by hand): sending again cannot help
  }
  auto conn = database_.acquire();
  auto now = core::now_unix();
  if (result.cancelled) {
    MailOutbox::release(*conn, mail.id, now);
  } else if (result.sent()) {
    MailOutbox::mark_sent(*conn, mail.id, now);
    spdlog::info("mail: {} to {} sent (attempt {})", mail.id, who, mail.attempts);
  } else if (!result.permanent && mail.attempts < config_.mail_max_attempts) {
    auto delay = retry_delay_seconds(mail.attempts, config_.mail_retry_base_seconds);
    MailOutbox::schedule_retry(*conn, mail.id, now + delay, result.error);
    spdlog::warn("mail: {} to {} not delivered (attempt {}), retry in {} s: {}", mail.id, who, mail.attempts, delay, result.error);
  } else {
    std::string error = result.permanent ? result.error : result.error + " (gave up after " + std::to_string(mail.attempts) + " attempts)";
    MailOutbox::mark_failed(*conn, mail.id, error);
    spdlog::error("mail: {} to {} failed: {}", mail.id, who, error);
  }
}

void MailWorker::purge_if_due() {
  auto now = core::now_unix();
  if (config_.mail_retention_days <= 0 || now < next_purge_) return;
  next_purge_ = now + kPurgeEverySeconds;
  auto conn = database_.acquire();
  if (auto n = MailOutbox::purge(*conn, now - config_.mail_retention_days * 86400))
    spdlog::info("mail: deleted {} e-mails older than {} days", n, config_.mail_retention_days);
}

}  // namespace mail
