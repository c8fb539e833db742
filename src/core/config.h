#pragma once
// Settings for one `phobien` process. Sources, strongest first: command-line flags, PHOBIEN_*
// environment variables, the TOML config file (--config or PHOBIEN_CONFIG), defaults. The fields
// here are the platform's; each feature module keeps its own in a section (core/settings.h).
#include <any>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <typeindex>
#include <vector>

namespace core {

struct RateLimit {
  int max = 0;             // attempts allowed per window
  std::int64_t window = 0; // seconds
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

  std::string effective_database_url() const;
  std::string uploads_dir() const { return data_dir + "/uploads"; }
  // base_url (or http://LISTEN) + path, for links that leave the site (feeds, chat replies).
  std::string absolute_url(const std::string& path) const;
  std::string host() const;
  std::uint16_t port() const;

  // A feature module's own settings (core/settings.h): its values once loaded, its defaults
  // before. The non-const form is for loading and for tests that set a value by hand.
  template <typename S>
  S& section() {
    auto& slot = sections_[std::type_index(typeid(S))];
    if (!slot.has_value()) slot = S{};
    return std::any_cast<S&>(slot);
  }
  template <typename S>
  const S& section() const {
    static const S defaults{};
    auto it = sections_.find(std::type_index(typeid(S)));
    return it == sections_.end() ? defaults : std::any_cast<const S&>(it->second);
  }

 private:
  std::map<std::type_index, std::any> sections_;
};

// Looks up one environment variable; nullopt when unset or empty. Tests pass their own.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
std::optional<std::string> process_environment(const std::string& name);

// "HOST:PORT" check; throws std::invalid_argument.
void validate_listen(const std::string& listen);

}  // namespace core
