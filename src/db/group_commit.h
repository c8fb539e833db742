#pragma once
// Group commit: durable writes at a rate one fsync per transaction could not reach. Callers hand
// in work; one thread runs everything waiting in one transaction, each piece inside a savepoint
// of its own, commits once (SQLite synchronous=FULL: one fsync for the batch), and only then lets
// the callers return. So a request acknowledged to a client is on disk, and a burst of requests
// shares the cost of making it so. On PostgreSQL, which groups concurrent commits' WAL flushes
// itself, each piece runs at once in its own transaction on the caller's thread.
#include "db/database.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>

namespace db {

class GroupCommit {
 public:
  // At most `max_batch` pieces of work share a transaction.
  explicit GroupCommit(Database& database, std::size_t max_batch = 256);
  ~GroupCommit();  // runs what is queued, then stops
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Transactions committed so far, and pieces of work waiting: figures for tests and benchmarks.
  std::size_t transactions() const { return transactions_.load(); }
  std::size_t waiting();

  // Runs `work` on the committing connection inside the shared transaction and returns its value
  // once that transaction has committed. If `work` throws, its own changes are rolled back (the
  // others' are kept) and the exception is rethrown here. If the commit itself fails, every
  // caller of the batch gets the exception and nothing of the batch is stored.
  template <typename Work>
  auto run(Work work) -> decltype(work(std::declval<Connection&>())) {
    using T = decltype(work(std::declval<Connection&>()));
    if constexpr (std::is_void_v<T>) {
      run_void(work);
    } else {
      std::optional<T> value;
      run_void([&](Connection& c) { value.emplace(work(c)); });
      return std::move(*value);
    }
  }

 private:
  struct Item {
    std::function<void(Connection&)> work;
    std::promise<void> done;
    std::exception_ptr failed;  // what work threw
  };
  void run_void(std::function<void(Connection&)> work);
  void loop();
  void commit_batch(std::deque<Item>& batch);

  Database& database_;
  const std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::atomic<std::size_t> transactions_{0};
  std::thread thread_;
};

}  // namespace db
