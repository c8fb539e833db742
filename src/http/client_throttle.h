#pragma once
// Per-client request counters kept in memory, for the routes that do expensive work for anyone
// (answering, search): a fixed window per key. Nothing is written to the database, so a GET that
// counts still writes nothing, and a flood costs no disk I/O. Counts are per process: with
// several nodes behind a load balancer a client gets the limit once per node.
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace http {

class ClientThrottle {
 public:
  // At most `max_keys` counters are held; see allow() for what happens when they are all live.
  explicit ClientThrottle(std::size_t max_keys = 100'000) : max_keys_(max_keys) {}

  // Counts one request under `key` (a route and a client group) at `now` (seconds). Returns 0
  // when it is within `max` requests per `window_seconds`; when over, the seconds until the
  // window ends (at least 1, for Retry-After). When every counter slot is taken by a live window,
  // the expired ones are dropped first; if none is, all counters are reset (memory stays
  // bounded; the limit is briefly lost, never a visitor's access).
  std::int64_t hit(std::string_view key, int max, std::int64_t window_seconds, std::int64_t now);

 private:
  struct Window {
    std::int64_t ends_at = 0;
    int count = 0;
  };
  void make_room(std::int64_t now);

  std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace http
