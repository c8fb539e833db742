#pragma once
// Rendered public pages for anonymous visitors, served from the I/O thread without touching the
// database. Cleared on every content change (local, or seen in the change log from another
// node), and entries expire after a TTL so scheduled posts appear on time.
#include "http/message.h"

#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace web {

class PageCache {
 public:
  explicit PageCache(std::int64_t ttl_seconds, std::size_t max_entries = 2000)
      : ttl_(ttl_seconds), max_entries_(max_entries) {}
  std::shared_ptr<const http::PreparedResponse> get(const std::string& key) const;
  void put(const std::string& key, const http::Response& response);
  void clear();
  std::size_t size() const;

 private:
  struct Entry {
    std::shared_ptr<const http::PreparedResponse> response;
    std::int64_t expires_at;
  };
  std::int64_t ttl_;
  std::size_t max_entries_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace web
