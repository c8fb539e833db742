#pragma once
// Settings for one `phobien` process. Sources, strongest first: command-line flags, PHOBIEN_*
// environment variables, the TOML config file (--config or PHOBIEN_CONFIG), defaults. Every rate
// limit in the product is a setting here.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace core {

struct RateLimit {
  int max = 0;             // attempts allowed per window
  std::int64_t window = 0; // seconds
};

// A messaging channel is on when its secret is set; its endpoints are 404 otherwise.
struct MessengerConfig {
  std::string app_secret;    // signs webhook bodies (X-Hub-Signature-256)
  std::string verify_token;  // echoed by Facebook in the subscription handshake
  std::string page_token;    // sends replies
  std::string send_url = "https://graph.facebook.com/v19.0/me/messages";
  bool enabled() const { return !app_secret.empty(); }
};

struct ZaloConfig {
  std::string app_id;
  std::string oa_secret;     // signs webhook bodies (X-ZEvent-Signature)
  std::string access_token;  // sends replies
  std::string send_url = "https://openapi.zalo.me/v3.0/oa/message/cs";
  bool enabled() const { return !oa_secret.empty(); }
};

// Outgoing e-mail; off (mail stays queued) until `host` is set.
struct SmtpConfig {
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

struct Config {
  std::string data_dir = "./var";
  std::string listen = "127.0.0.1:8080";
  std::string database_url;  // empty: SQLite file phobien.db inside data_dir
  std::string base_url;      // public URL for feeds and Open Graph, e.g. https://pbgdpl.example.gov.vn
  std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For is believed (IPs or CIDRs)
  bool secure_cookies = false;  // set when served behind TLS
  bool rate_limits_enabled = true;
  RateLimit login_per_ip{20, 600};
  RateLimit login_per_account{5, 900};
  RateLimit register_per_ip{10, 3600};
  std::int64_t session_ttl = 14 * 24 * 3600;
  std::int64_t cache_ttl = 60;              // seconds a cached public page may live
  std::int64_t change_poll_millis = 1000;   // how often a node looks for other nodes' changes
  std::size_t worker_threads = 8;
  std::size_t max_cover_bytes = 5 * 1024 * 1024;
  std::size_t max_body_bytes = 12 * 1024 * 1024;  // larger requests get 413
  std::size_t max_header_bytes = 16 * 1024;       // larger headers get 431
  std::string log_level = "info";
  MessengerConfig messenger;
  ZaloConfig zalo;
  int outbox_max_attempts = 6;                  // sends of one reply before it is given up
  std::int64_t outbox_retry_base_seconds = 5;   // backoff: base x 1, 6, 24, 120, 720 (5 s … 1 h)
  std::int64_t conversation_retention_days = 30;  // answering-service turns older than this are deleted
  std::int64_t message_retention_days = 90;     // messages and finished replies older than this are deleted
  // Online consultation: askers' limits, and how long a finished question keeps its personal data.
  RateLimit question_per_ip{5, 3600};
  RateLimit question_per_contact{3, 24 * 3600};
  std::int64_t question_retention_days = 365;  // after the last step; published ones keep only the anonymised copy
  SmtpConfig smtp;
  int mail_max_attempts = 6;                    // SMTP tries of one e-mail before it is marked failed
  std::int64_t mail_retry_base_seconds = 60;    // backoff: base x 1, 4, 16, 64, 256 (1 min … 4 h 16 min)
  std::int64_t mail_retention_days = 30;        // sent and failed e-mails older than this are deleted (0 keeps them)
  // Proof of work asked of anonymous askers (auth/proof_of_work.h): leading zero bits of SHA-256,
  // 2^bits hashes on average in the browser (static/pow.js). 17: about 1 s on a cheap phone
  // (docs/architecture.md, "Anti-spam"). 0 turns it off.
  int question_pow_bits = 17;

  std::string effective_database_url() const;
  std::string uploads_dir() const { return data_dir + "/uploads"; }
  // base_url (or http://LISTEN) + path, for links that leave the site (feeds, chat replies).
  std::string absolute_url(const std::string& path) const;
  std::string host() const;
  std::uint16_t port() const;
};

// Looks up one environment variable; nullopt when unset or empty. Tests pass their own.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
std::optional<std::string> process_environment(const std::string& name);

// Defaults, then the TOML file `file` (or PHOBIEN_CONFIG when `file` is empty; no file when both
// are), then PHOBIEN_* variables. A variable PHOBIEN_X_Y is key x_y in the file; the SMTP_,
// MESSENGER_ and ZALO_ ones live in the sections [smtp], [messenger] and [zalo].
// Throws std::invalid_argument naming the key or variable at fault (unknown keys included).
Config load_config(const std::string& file = {}, const Environment& env = process_environment);
// "HOST:PORT" check; throws std::invalid_argument.
void validate_listen(const std::string& listen);

}  // namespace core
