#pragma once
// Sends one rendered message over SMTP (libcurl): smtp:// with STARTTLS required, smtps:// for
// implicit TLS, or plain smtp:// for a local relay. Short timeouts; a flag cancels a send in
// flight at shutdown, as core::http_post does.
#include "mail/settings.h"

#include <atomic>
#include <string>

namespace mail {

struct SmtpResult {
  long code = 0;       // the server's last reply code (250 once accepted); 0 when none came
  std::string error;   // empty when sent
  bool cancelled = false;
  // The server refused this message for good (a 5xx to MAIL, RCPT or DATA): sending it again would
  // get the same answer. Not set for TLS and login failures (530, 534, 535, 538 included): those
  // are the operator's to fix, and the mail should wait for it.
  bool permanent = false;
  bool sent() const { return error.empty() && !cancelled; }
};

// `from` and `to` are bare addresses for MAIL FROM and RCPT TO; `data` is the mail::render text.
SmtpResult smtp_send(const SmtpSettings& smtp, const std::string& from, const std::string& to, const std::string& data,
                     const std::atomic<bool>* cancel = nullptr);

}  // namespace mail
