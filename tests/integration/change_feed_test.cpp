// The change log read by other nodes: changes committed out of id order are still told, once;
// ids that never appear (rolled back) are given up after ChangeFeed::kGapSeconds.
#include "db/change_feed.h"
#include "support/fixtures.h"

#include <set>

namespace {

using namespace testing_support;

class ChangeFeedTest : public BackendTest {
 protected:
  // What a node's listeners are told by one poll at steady time `now`.
  std::set<std::string> poll(std::int64_t now) {
    told_.clear();
    node_.poll(database(), now);
    return told_;
  }
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    node_.add_listener([this](const std::string& topic) { told_.insert(topic); });
    EXPECT_TRUE(poll(0).empty()) << "the first look only sets the mark";
    top_ = database().acquire()->query_int("SELECT COALESCE(MAX(id), 0) FROM change_log");
  }
  // A row with a chosen id, as a transaction that took its id earlier and commits now would leave.
  void commit_row(std::int64_t id, const std::string& topic) {
    database().acquire()->execute("INSERT INTO change_log (id, topic, at) VALUES (?, ?, 0)", {id, topic});
  }

  db::ChangeFeed node_;
  std::set<std::string> told_;
  std::int64_t top_ = 0;
};

TEST_P(ChangeFeedTest, ARowCommittedBelowOneAlreadySeenIsToldOnce) {
  commit_row(top_ + 2, "library:2");
  EXPECT_EQ(poll(10), (std::set<std::string>{"library:2"}));
  commit_row(top_ + 1, "library:1");  // the slow transaction commits
  EXPECT_EQ(poll(20), (std::set<std::string>{"library:1"}));
  EXPECT_TRUE(poll(30).empty());
  commit_row(top_ + 3, "library:3");
  EXPECT_EQ(poll(40), (std::set<std::string>{"library:3"}));
}

TEST_P(ChangeFeedTest, AGapIsAwaitedForItsWindowThenGivenUp) {
  commit_row(top_ + 2, "library:2");
  EXPECT_EQ(poll(100), (std::set<std::string>{"library:2"}));
  commit_row(top_ + 4, "library:4");
  EXPECT_EQ(poll(100 + db::ChangeFeed::kGapSeconds), (std::set<std::string>{"library:4"}));
  commit_row(top_ + 3, "library:3");  // within its window (noticed at kGapSeconds + 100)
  EXPECT_EQ(poll(101 + db::ChangeFeed::kGapSeconds), (std::set<std::string>{"library:3"}));
  // top_ + 1 was noticed at 100: past its window it is taken for a rollback.
  EXPECT_TRUE(poll(101 + db::ChangeFeed::kGapSeconds).empty());
  commit_row(top_ + 1, "library:1");
  EXPECT_TRUE(poll(102 + db::ChangeFeed::kGapSeconds).empty());
  commit_row(top_ + 5, "library:5");
  EXPECT_EQ(poll(103 + db::ChangeFeed::kGapSeconds), (std::set<std::string>{"library:5"}));
}

// Real transactions on PostgreSQL: the first takes its id, the second commits first.
TEST_P(ChangeFeedTest, TransactionsCommittingOutOfOrderAreBothTold) {
  if (GetParam() != "postgres") GTEST_SKIP() << "SQLite has one writer: ids commit in order";
  db::ChangeFeed writer;
  auto slow = database().acquire();
  db::Transaction long_import(*slow);
  writer.record(*slow, "library:slow");
  {
    auto fast = database().acquire();
    db::Transaction quick_edit(*fast);
    writer.record(*fast, "library:fast");
    quick_edit.commit();
  }
  EXPECT_EQ(poll(10), (std::set<std::string>{"library:fast"}));
  long_import.commit();
  EXPECT_EQ(poll(20), (std::set<std::string>{"library:slow"}));
  EXPECT_TRUE(poll(30).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ChangeFeedTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
