#pragma once
// The mail module's settings section (core/settings.h): the SMTP server and the mail outbox.
// Outgoing e-mail is off (mail stays queued) until `smtp.host` is set.
#include "core/settings.h"

#include <cstdint>
#include <string>

namespace mail {

struct SmtpSettings {
  std::string host;
  int port = 587;
  std::string username;  // empty: no AUTH (a relay that trusts this host)
  std::string password;
  std::string from = "PhoBien <no-reply@localhost>";
  // "starttls" (port 587, TLS required), "tls" (implicit TLS, port 465), or "none": plain text,
  // only for a relay on the same machine or in tests.
  std::string security = "starttls";
  std::int64_t timeout_seconds = 20;  // one whole SMTP conversation; connecting gets at most 10 s
  bool enabled() const { return !host.empty(); }
};

struct Settings {
  SmtpSettings smtp;
  int max_attempts = 6;                   // SMTP tries of one e-mail before it is marked failed
  std::int64_t retry_base_seconds = 60;   // backoff: base x 1, 4, 16, 64, 256 (1 min … 4 h 16 min)
  std::int64_t retention_days = 30;       // sent and failed e-mails older than this are deleted (0 keeps them)
};

// Keys smtp.*, mail_max_attempts, mail_retry_base_seconds, mail_retention_days.
core::SettingsSection settings_section();

}  // namespace mail
