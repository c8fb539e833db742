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
  constexpr std::int64_t kMaxListed = 1000;
  auto previous = last_seen_.load();
  std::vector<std::string> topics;
  std::int64_t latest = previous;
  {
    auto c = database.acquire();
    if (previous == -1) {  // the first look only sets the mark
      last_seen_ = c->query_int("SELECT COALESCE(MAX(id), 0) FROM change_log");
      return false;
    }
    auto rows = c->query("SELECT id, topic FROM change_log WHERE id > ? ORDER BY id LIMIT ?", {previous, kMaxListed + 1});
    if (rows.empty()) return false;
    if (static_cast<std::int64_t>(rows.size()) > kMaxListed) {
      latest = c->query_int("SELECT COALESCE(MAX(id), 0) FROM change_log");
      topics = {"*"};
    } else {
      for (const auto& r : rows) {
        latest = r.int64(0);
        if (std::find(topics.begin(), topics.end(), r.text(1)) == topics.end()) topics.push_back(r.text(1));
      }
    }
  }
  last_seen_ = latest;
  for (const auto& t : topics) notify(t);
  return true;
}

void ChangeFeed::add_listener(Listener l) {
  std::lock_guard lock(mutex_);
  listeners_.push_back(std::move(l));
}

}  // namespace db
