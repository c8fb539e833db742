// db::GroupCommit on both databases: on SQLite, pieces of work that wait together share one
// transaction and each returns only after the commit; everywhere, one that throws loses only its
// own changes.
#include "db/group_commit.h"
#include "support/fixtures.h"

#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>

namespace {

using namespace testing_support;

class GroupCommitTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    database().acquire()->execute_script("CREATE TABLE group_commit_rows (label TEXT NOT NULL)");
  }
  std::int64_t rows(const std::string& label) {
    return database().acquire()->query_int("SELECT COUNT(*) FROM group_commit_rows WHERE label = ?", {label});
  }
};

TEST_P(GroupCommitTest, WaitingWorkSharesOneTransactionAndAFailureLosesOnlyItsOwn) {
  if (GetParam() == "postgres") GTEST_SKIP() << "on PostgreSQL each piece has its own transaction (the server groups commits)";
  // The first piece holds the committing thread until ten more are waiting behind it. The
  // promises are declared before `commits`, so that a failed assertion still releases the
  // committing thread before the GroupCommit is destroyed.
  std::promise<void> started, release;
  auto release_on_exit = std::shared_ptr<void>(nullptr, [&release](void*) {
    try {
      release.set_value();
    } catch (const std::future_error&) {  // released already
    }
  });
  db::GroupCommit commits(database());
  auto first = std::async(std::launch::async, [&] {
    return commits.run([&](db::Connection& c) {
      c.execute("INSERT INTO group_commit_rows (label) VALUES ('first')");
      started.set_value();
      release.get_future().wait();
      return 1;
    });
  });
  ASSERT_EQ(started.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready) << first.get();
  std::vector<std::future<int>> others;
  for (int i = 0; i < 10; ++i)
    others.push_back(std::async(std::launch::async, [&commits, i] {
      return commits.run([i](db::Connection& c) {
        c.execute("INSERT INTO group_commit_rows (label) VALUES (?)", {std::string(i == 3 ? "failed" : "batch")});
        if (i == 3) throw std::runtime_error("this piece fails after writing");
        return i;
      });
    }));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (commits.waiting() < 10 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ASSERT_EQ(commits.waiting(), 10u);
  release_on_exit.reset();
  EXPECT_EQ(first.get(), 1);
  for (int i = 0; i < 10; ++i) {
    if (i == 3) EXPECT_THROW(others[i].get(), std::runtime_error);
    else EXPECT_EQ(others[i].get(), i);
  }
  EXPECT_EQ(commits.transactions(), 2u) << "the ten that waited were committed together";
  EXPECT_EQ(rows("first"), 1);
  EXPECT_EQ(rows("batch"), 9);
  EXPECT_EQ(rows("failed"), 0) << "the failed piece's insert was rolled back, the others kept";
}

TEST_P(GroupCommitTest, ManyThreadsAllGetTheirWorkCommitted) {
  db::GroupCommit commits(database());
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&commits] {
      for (int i = 0; i < 25; ++i) commits.run([](db::Connection& c) { c.execute("INSERT INTO group_commit_rows (label) VALUES ('many')"); });
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(rows("many"), 200);
  EXPECT_LE(commits.transactions(), 200u);
}

TEST_P(GroupCommitTest, APieceThatThrowsLosesItsOwnChangesOnly) {
  db::GroupCommit commits(database());
  EXPECT_THROW(commits.run([](db::Connection& c) {
    c.execute("INSERT INTO group_commit_rows (label) VALUES ('failed')");
    throw std::runtime_error("after writing");
  }),
               std::runtime_error);
  EXPECT_EQ(commits.run([](db::Connection& c) { return c.execute("INSERT INTO group_commit_rows (label) VALUES ('kept')"); }), 1);
  EXPECT_EQ(rows("failed"), 0);
  EXPECT_EQ(rows("kept"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, GroupCommitTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
