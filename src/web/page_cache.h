#pragma once
// Rendered public pages for anonymous visitors, served from the I/O thread without touching the
// database. Cleared on every content change (local, or seen in the change log from another
// node), and entries expire after a TTL so scheduled posts appear on time. Memory is bounded by a
// byte budget: when a page would pass it, the least recently used pages make room (query strings
// make the number of possible keys unbounded).
#include "http/message.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace web {

class PageCache {
 public:
  static constexpr std::size_t kDefaultBudget = 64 * 1024 * 1024;

  explicit PageCache(std::int64_t ttl_seconds, std::size_t budget_bytes = kDefaultBudget)
      : ttl_(ttl_seconds), budget_(budget_bytes) {}
  std::shared_ptr<const http::PreparedResponse> get(const std::string& key) const;
  // Stores a copy; a page larger than an eighth of the budget (or 1 MB) is not kept.
  void put(const std::string& key, const http::Response& response);
  void clear();
  std::size_t size() const;
  std::size_t bytes() const;

 private:
  struct Entry {
    std::shared_ptr<const http::PreparedResponse> response;
    std::int64_t expires_at = 0;
    std::size_t bytes = 0;
    mutable std::atomic<std::uint64_t> last_used{0};  // a tick of clock_, set by every hit
  };
  // Drops expired entries, then the least recently used, until `needed` more bytes fit in three
  // quarters of the budget (so that eviction runs rarely). Under the unique lock.
  void make_room(std::size_t needed, std::int64_t now);

  std::int64_t ttl_;
  std::size_t budget_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
  std::size_t total_bytes_ = 0;
  mutable std::atomic<std::uint64_t> clock_{0};
};

}  // namespace web
