#pragma once
// Fixed-window counters kept in the database, so a limit holds across every process that
// serves the site. Disabled entirely by PHOBIEN_RATE_LIMIT=0 (benchmarks).
#include "core/config.h"
#include "db/database.h"

namespace auth {

class RateLimiter {
 public:
  RateLimiter(db::Database& database, bool enabled) : database_(database), enabled_(enabled) {}
  // Counts one attempt under `key`; false when the limit is exceeded.
  bool hit(const std::string& key, const core::RateLimit& limit);
  // True when `key` is already over the limit, without counting.
  bool exceeded(const std::string& key, const core::RateLimit& limit);
  void reset(const std::string& key);
  // Deletes the counters of windows that started before `cutoff` (unix seconds); returns how
  // many. The windows in use are an hour or a day long, so a cutoff a week back drops only
  // counters no check reads any more.
  std::int64_t purge_before(std::int64_t cutoff);

 private:
  db::Database& database_;
  bool enabled_;
};

}  // namespace auth
