#include "db/change_feed.h"

#include "core/time.h"

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
  std::int64_t latest;
  {
    auto c = database.acquire();
    latest = c->query_int("SELECT COALESCE(MAX(id), 0) FROM change_log");
  }
  auto previous = last_seen_.exchange(latest);
  if (previous == -1 || previous == latest) return false;  // first look only sets the mark
  notify("*");
  return true;
}

void ChangeFeed::add_listener(Listener l) {
  std::lock_guard lock(mutex_);
  listeners_.push_back(std::move(l));
}

}  // namespace db
