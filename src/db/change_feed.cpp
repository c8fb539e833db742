#include "db/change_feed.h"

#include "core/time.h"

#include <algorithm>

namespace db {

void ChangeFeed::record(Connection& c, const std::string& topic) {
  c.execute("INSERT INTO change_log (topic, at) VALUES (?, ?)", {topic, core::now_unix()});
}

void ChangeFeed::notify(const std::string& topic) {
  std::vector<Listener> copy;
  {
    std::lock_guard lock(mutex_);
    copy = listeners_;
  }
  for (auto& l : copy) l(topic);
}

bool ChangeFeed::poll(Database& database) {
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  return poll(database, now);
}

bool ChangeFeed::poll(Database& database, std::int64_t now) {
  constexpr std::int64_t kMaxListed = 1000;
  std::vector<std::string> topics;
  {
    std::lock_guard state(poll_mutex_);
    auto c = database.acquire();
    if (horizon_ == -1) {  // the first look only sets the mark
      horizon_ = c->query_int("SELECT COALESCE(MAX(id), 0) FROM change_log");
      return false;
    }
    auto rows = c->query("SELECT id, topic FROM change_log WHERE id > ? ORDER BY id LIMIT ?", {horizon_, kMaxListed + 1});
    if (static_cast<std::int64_t>(rows.size()) > kMaxListed) {
      // Too many to list: everything is refreshed, and the watch starts again from the top.
      horizon_ = c->query_int("SELECT COALESCE(MAX(id), 0) FROM change_log");
      seen_.clear();
      gaps_.clear();
      topics = {"*"};
    } else {
      for (const auto& r : rows) {
        if (!seen_.insert(r.int64(0)).second) continue;
        if (std::find(topics.begin(), topics.end(), r.text(1)) == topics.end()) topics.push_back(r.text(1));
      }
      settle(now);
    }
  }
  for (const auto& t : topics) notify(t);
  return !topics.empty();
}

void ChangeFeed::settle(std::int64_t now) {
  // The ids missing between the horizon and the highest seen, each keeping when it was first missed.
  std::map<std::int64_t, Gap> gaps;
  auto noticed = [&](std::int64_t first) {
    auto old = gaps_.upper_bound(first);
    if (old == gaps_.begin()) return now;
    --old;
    return old->second.last >= first ? old->second.noticed_at : now;
  };
  std::int64_t expected = horizon_ + 1;
  for (std::int64_t id : seen_) {
    if (id > expected) gaps[expected] = {id - 1, noticed(expected)};
    expected = id + 1;
  }
  std::erase_if(gaps, [&](const auto& gap) { return now - gap.second.noticed_at > kGapSeconds; });
  gaps_ = std::move(gaps);
  horizon_ = gaps_.empty() ? (seen_.empty() ? horizon_ : *seen_.rbegin()) : gaps_.begin()->first - 1;
  seen_.erase(seen_.begin(), seen_.upper_bound(horizon_));
}

void ChangeFeed::add_listener(Listener l) {
  std::lock_guard lock(mutex_);
  listeners_.push_back(std::move(l));
}

}  // namespace db
