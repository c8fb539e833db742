#pragma once
// The change log: every content change writes a row in the same transaction, and every node
// polls the table, so caches and the in-process indexes of all nodes follow changes made anywhere.
//
// Ids are taken when a row is inserted, not when its transaction commits: on PostgreSQL a long
// transaction (an import) can commit id 9 after id 10 was committed and seen. So the poller does
// not trust "everything up to the highest id seen": an id missing below it is a gap that is looked
// for again on every poll, for kGapSeconds; after that it is taken for a rolled-back transaction
// (whose ids never appear) and given up.
#include "db/database.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <vector>

namespace db {

class ChangeFeed {
 public:
  using Listener = std::function<void(const std::string& topic)>;
  static constexpr std::int64_t kGapSeconds = 15 * 60;  // longer than any transaction should take

  // Call inside the writing transaction.
  void record(Connection& c, const std::string& topic);
  // Call after the commit: tells this node's listeners at once.
  void notify(const std::string& topic);
  // Looks for rows written by any node since the last look, and for rows that filled a gap, and
  // tells listeners each distinct topic once ("*" when too many changed to list: listeners then
  // refresh everything). Rows this node wrote are told again, which listeners must tolerate.
  // Returns true when something changed. `now` (steady seconds) is for tests.
  bool poll(Database& database);
  bool poll(Database& database, std::int64_t now);
  void add_listener(Listener l);

 private:
  struct Gap {
    std::int64_t last = 0;  // ids first..last (the map's key) not seen yet
    std::int64_t noticed_at = 0;
  };
  // After a poll saw `seen_`: the gaps below the highest id, those older than kGapSeconds dropped,
  // and the horizon moved up to just below the oldest gap still awaited.
  void settle(std::int64_t now);

  std::mutex mutex_;
  std::vector<Listener> listeners_;
  std::mutex poll_mutex_;           // one poll at a time; guards the state below
  std::int64_t horizon_ = -1;       // every id up to here was told or given up; -1 before the first poll
  std::set<std::int64_t> seen_;     // ids above the horizon already told
  std::map<std::int64_t, Gap> gaps_;  // by first missing id
};

}  // namespace db
