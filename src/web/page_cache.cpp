#include "web/page_cache.h"

#include "core/time.h"

#include <algorithm>
#include <mutex>
#include <vector>

namespace web {

namespace {
// What an entry costs besides its bytes: the key's node, the control blocks, the header strings.
constexpr std::size_t kEntryOverhead = 256;
constexpr std::size_t kMaxCachedBody = 1024 * 1024;  // pages, not files (documents for download)
constexpr std::size_t kMaxPaths = 100'000;
}  // namespace

std::optional<std::string> PageCache::key_of(const std::string& path, const std::string& query, const std::vector<std::string>& names) {
  std::string key = path;
  if (query.empty()) return key;
  auto pairs = http::parse_urlencoded(query);
  if (!pairs) return std::nullopt;
  for (const std::string& name : names) {
    auto first = std::find_if(pairs->begin(), pairs->end(), [&](const auto& pair) { return pair.first == name; });
    if (first != pairs->end()) key += "\n" + http::percent_encode(name) + "=" + http::percent_encode(first->second);
  }
  return key;
}

std::shared_ptr<const http::PreparedResponse> PageCache::get(const http::Request& request) const {
  if (ttl_ <= 0) return nullptr;
  std::shared_lock lock(mutex_);
  auto names = names_by_path_.find(request.path);
  if (names == names_by_path_.end()) return nullptr;  // nothing was ever stored for this path
  auto key = key_of(request.path, request.query, names->second);
  if (!key) return nullptr;
  auto it = entries_.find(*key);
  if (it == entries_.end() || it->second->expires_at <= core::now_unix()) return nullptr;
  it->second->last_used.store(++clock_, std::memory_order_relaxed);
  return it->second->response;
}

void PageCache::put(const http::Request& request, const http::Response& response) {
  if (ttl_ <= 0 || response.body.size() > kMaxCachedBody) return;
  auto prepared = std::make_shared<const http::PreparedResponse>(http::PreparedResponse::from(response));
  const std::int64_t now = core::now_unix();
  std::unique_lock lock(mutex_);
  // Paths come from pages that exist, but are still counted: past the limit, start afresh.
  if (names_by_path_.size() >= kMaxPaths && !names_by_path_.count(request.path)) {
    names_by_path_.clear();
    entries_.clear();
    total_bytes_ = 0;
  }
  std::vector<std::string>& names = names_by_path_[request.path];
  for (const std::string& name : request.query_params_read)
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  std::sort(names.begin(), names.end());
  auto key = key_of(request.path, request.query, names);
  if (!key) return;
  const std::size_t bytes = key->size() + prepared->head.size() + prepared->body.size() + kEntryOverhead;
  if (bytes > budget_ / 8) return;
  if (auto old = entries_.find(*key); old != entries_.end()) {
    total_bytes_ -= old->second->bytes;
    entries_.erase(old);
  }
  if (total_bytes_ + bytes > budget_) make_room(bytes, now);
  auto entry = std::make_unique<Entry>();
  entry->response = std::move(prepared);
  entry->expires_at = now + ttl_;
  entry->bytes = bytes;
  entry->last_used.store(++clock_, std::memory_order_relaxed);
  total_bytes_ += bytes;
  entries_.emplace(std::move(*key), std::move(entry));
}

void PageCache::make_room(std::size_t needed, std::int64_t now) {
  const std::size_t target = budget_ / 4 * 3;
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second->expires_at <= now) {
      total_bytes_ -= it->second->bytes;
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
  if (total_bytes_ + needed <= target) return;
  std::vector<std::pair<std::uint64_t, const std::string*>> by_use;
  by_use.reserve(entries_.size());
  for (const auto& [key, entry] : entries_) by_use.emplace_back(entry->last_used.load(std::memory_order_relaxed), &key);
  std::sort(by_use.begin(), by_use.end());
  for (const auto& [used, key] : by_use) {
    if (total_bytes_ + needed <= target) break;
    auto it = entries_.find(*key);
    total_bytes_ -= it->second->bytes;
    entries_.erase(it);
  }
}

void PageCache::clear() {
  std::unique_lock lock(mutex_);
  entries_.clear();
  total_bytes_ = 0;
}

std::size_t PageCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

std::size_t PageCache::bytes() const {
  std::shared_lock lock(mutex_);
  return total_bytes_;
}

}  // namespace web
