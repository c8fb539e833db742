#pragma once
// Settings for one `phobien` process. Sources, strongest first: command-line flags, PHOBIEN_*
// environment variables, defaults. Every rate limit in the product is a setting here.
#include <cstdint>
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

// Reads PHOBIEN_* variables over the defaults; throws std::invalid_argument on a malformed value.
Config config_from_environment();
// "HOST:PORT" check; throws std::invalid_argument.
void validate_listen(const std::string& listen);

}  // namespace core
