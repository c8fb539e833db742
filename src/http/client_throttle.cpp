#include "http/client_throttle.h"

#include <algorithm>

namespace http {

std::int64_t ClientThrottle::hit(std::string_view key, int max, std::int64_t window_seconds, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = windows_.find(std::string(key));
  if (it == windows_.end()) {
    if (windows_.size() >= max_keys_) make_room(now);
    it = windows_.emplace(std::string(key), Window{}).first;
  }
  Window& w = it->second;
  if (w.ends_at <= now) w = Window{now + window_seconds, 0};
  if (w.count >= max) return std::max<std::int64_t>(1, w.ends_at - now);
  ++w.count;
  return 0;
}

void ClientThrottle::make_room(std::int64_t now) {
  std::erase_if(windows_, [now](const auto& entry) { return entry.second.ends_at <= now; });
  if (windows_.size() >= max_keys_) windows_.clear();
}

}  // namespace http
