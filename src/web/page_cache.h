#pragma once
// Rendered public pages for anonymous visitors, served from the I/O thread without touching the
// database. Cleared on every content change (local, or seen in the change log from another
// node), and entries expire after a TTL so scheduled posts appear on time. Memory is bounded by a
// byte budget: when a page would pass it, the least recently used pages make room.
//
// A page is keyed by its path and the query parameters its handler read (http::Request::
// query_param records them), so `/?utm_source=x` or `/?a=1&b=2…` is the page `/`, not a new entry:
// only parameters that change the page make new keys. The names read are learnt per path when a
// page is stored; a request whose query is malformed is never answered from the cache.
#include "http/message.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace web {

class PageCache {
 public:
  static constexpr std::size_t kDefaultBudget = 64 * 1024 * 1024;

  explicit PageCache(std::int64_t ttl_seconds, std::size_t budget_bytes = kDefaultBudget)
      : ttl_(ttl_seconds), budget_(budget_bytes) {}
  // The page for `request` (method and cookies are the caller's concern), or null.
  std::shared_ptr<const http::PreparedResponse> get(const http::Request& request) const;
  // Stores a copy of the page its handler rendered for `request`; a page larger than an eighth of
  // the budget (or 1 MB) is not kept.
  void put(const http::Request& request, const http::Response& response);
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
  // Path and the values of `names` in `query`, in name order; nullopt when `query` is malformed.
  static std::optional<std::string> key_of(const std::string& path, const std::string& query, const std::vector<std::string>& names);

  std::int64_t ttl_;
  std::size_t budget_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
  std::unordered_map<std::string, std::vector<std::string>> names_by_path_;  // sorted query names each path reads
  std::size_t total_bytes_ = 0;
  mutable std::atomic<std::uint64_t> clock_{0};
};

}  // namespace web
