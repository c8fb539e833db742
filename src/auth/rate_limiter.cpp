#include "auth/rate_limiter.h"

#include "core/time.h"

namespace auth {

bool RateLimiter::hit(const std::string& key, const core::RateLimit& limit) {
  if (!enabled_ || limit.max <= 0) return true;
  auto now = core::now_unix();
  auto window_start = now - now % limit.window;
  auto conn = database_.acquire();
  // One atomic statement: a new window restarts the count.
  auto count = conn->query_int(
      "INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1) "
      "ON CONFLICT (key) DO UPDATE SET "
      "count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END, "
      "window_start = excluded.window_start "
      "RETURNING count",
      {key, window_start});
  return count <= limit.max;
}

bool RateLimiter::exceeded(const std::string& key, const core::RateLimit& limit) {
  if (!enabled_ || limit.max <= 0) return false;
  auto now = core::now_unix();
  auto conn = database_.acquire();
  auto count = conn->query_int("SELECT count FROM rate_limits WHERE key = ? AND window_start = ?",
                               {key, now - now % limit.window});
  return count >= limit.max;
}

std::int64_t RateLimiter::purge_before(std::int64_t cutoff) {
  auto conn = database_.acquire();
  return conn->execute("DELETE FROM rate_limits WHERE window_start < ?", {cutoff});
}

void RateLimiter::reset(const std::string& key) {
  auto conn = database_.acquire();
  conn->execute("DELETE FROM rate_limits WHERE key = ?", {key});
}

}  // namespace auth
