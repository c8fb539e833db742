#include "web/page_cache.h"

#include "core/time.h"

#include <mutex>

namespace web {

std::shared_ptr<const http::PreparedResponse> PageCache::get(const std::string& key) const {
  if (ttl_ <= 0) return nullptr;
  std::shared_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.expires_at <= core::now_unix()) return nullptr;
  return it->second.response;
}

void PageCache::put(const std::string& key, const http::Response& response) {
  // Pages, not files: large bodies (documents for download) would crowd the memory out.
  constexpr std::size_t kMaxCachedBody = 1024 * 1024;
  if (ttl_ <= 0 || response.body.size() > kMaxCachedBody) return;
  auto entry = std::make_shared<const http::PreparedResponse>(http::PreparedResponse::from(response));
  std::unique_lock lock(mutex_);
  // Bounded: query strings make keys unbounded, so a full cache simply starts over.
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = Entry{std::move(entry), core::now_unix() + ttl_};
}

void PageCache::clear() {
  std::unique_lock lock(mutex_);
  entries_.clear();
}

std::size_t PageCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

}  // namespace web
