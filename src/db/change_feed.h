#pragma once
// The change log: every content change writes a row in the same transaction, and every node
// polls the table, so caches and the in-process indexes of all nodes follow changes made anywhere.
#include "db/database.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

namespace db {

class ChangeFeed {
 public:
  using Listener = std::function<void(const std::string& topic)>;

  // Call inside the writing transaction.
  void record(Connection& c, const std::string& topic);
  // Call after the commit: tells this node's listeners at once.
  void notify(const std::string& topic);
  // Looks for rows written by any node since the last look and tells listeners each distinct
  // topic once ("*" when too many changed to list: listeners then refresh everything). Rows this
  // node wrote are told again, which listeners must tolerate. Returns true when something changed.
  bool poll(Database& database);
  void add_listener(Listener l);

 private:
  std::mutex mutex_;
  std::vector<Listener> listeners_;
  std::atomic<std::int64_t> last_seen_{-1};
};

}  // namespace db
