#include "db/group_commit.h"

namespace db {

GroupCommit::GroupCommit(Database& database, std::size_t max_batch)
    : database_(database), max_batch_(max_batch), thread_([this] { loop(); }) {}

GroupCommit::~GroupCommit() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::size_t GroupCommit::waiting() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void GroupCommit::run_void(std::function<void(Connection&)> work) {
  if (database_.dialect() == Dialect::postgres) {
    // PostgreSQL groups the WAL flushes of concurrent commits itself; one committing thread
    // would only serialise the round trips.
    auto c = database_.acquire();
    Transaction tx(*c);
    work(*c);
    tx.commit();
    ++transactions_;
    return;
  }
  std::future<void> done;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(Item{std::move(work), {}, nullptr});
    done = queue_.back().done.get_future();
  }
  wake_.notify_one();
  done.get();
}

void GroupCommit::loop() {
  while (true) {
    std::deque<Item> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit_batch(batch);
  }
}

void GroupCommit::commit_batch(std::deque<Item>& batch) {
  try {
    auto c = database_.acquire();
    Transaction tx(*c);
    for (auto& item : batch) {
      c->execute_script("SAVEPOINT work");
      try {
        item.work(*c);
        c->execute_script("RELEASE SAVEPOINT work");
      } catch (...) {
        item.failed = std::current_exception();
        c->execute_script("ROLLBACK TO SAVEPOINT work");
        c->execute_script("RELEASE SAVEPOINT work");
      }
    }
    tx.commit();
    ++transactions_;
  } catch (...) {
    // Nothing of the batch is stored: every caller learns why.
    for (auto& item : batch) item.done.set_exception(std::current_exception());
    return;
  }
  for (auto& item : batch) {
    if (item.failed) item.done.set_exception(item.failed);
    else item.done.set_value();
  }
}

}  // namespace db
