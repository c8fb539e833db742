// The Database interface behaves the same on SQLite and PostgreSQL.
#include "core/resources.h"
#include "db/migrate.h"
#include "db/postgres_connection.h"
#include "db/sqlite_connection.h"
#include "support/fixtures.h"

#include <chrono>
#include <thread>

namespace {

using testing_support::BackendTest;

class DatabaseTest : public BackendTest {};

TEST_P(DatabaseTest, MigrationsApplyOnceAndAreRecorded) {
  auto& d = database();  // migrated once by the fixture
  EXPECT_TRUE(db::migrate(d).empty());
  auto c = d.acquire();
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM schema_migrations WHERE name = '0001_foundation.sql'"), 1);
}

TEST_P(DatabaseTest, ConcurrentMigrationsFromManyConnectionsAreSafe) {
  // A second, unmigrated database: several "processes" race to migrate it.
  testing_support::TestDatabase fresh(GetParam());
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  std::atomic<int> applied{0};
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      try {
        auto d = db::open_database(fresh.url(), 1);
        applied += static_cast<int>(db::migrate(*d).size());
      } catch (const std::exception& e) {
        ++failures;
        ADD_FAILURE() << e.what();
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  const auto migrations = db::embedded_migrations(db::Dialect::sqlite).size();
  EXPECT_EQ(applied, static_cast<int>(migrations)) << "exactly one process applies each migration";
}

TEST_P(DatabaseTest, ParametersRoundTripIncludingNullAndUnicode) {
  auto c = database().acquire();
  auto id = c->query_int("INSERT INTO categories (slug, name, description, position) VALUES (?, ?, ?, ?) RETURNING id",
                         {std::string("dat-dai"), std::string("Đất đai ‘quote’ ?"), std::string(""), std::int64_t(7)});
  auto row = c->query_one("SELECT name, position, description FROM categories WHERE id = ?", {id});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "Đất đai ‘quote’ ?");
  EXPECT_EQ(row->int64(1), 7);
  c->execute("INSERT INTO audit_log (at, user_id, action, target, detail, ip) VALUES (?, ?, 'a', 't', '', '')",
             {std::int64_t(1), db::Null{}});
  auto n = c->query_one("SELECT user_id, at FROM audit_log");
  ASSERT_TRUE(n);
  EXPECT_TRUE(n->is_null(0));
  EXPECT_FALSE(n->opt_int64(0));
  EXPECT_EQ(n->opt_int64(1), 1);
}

TEST_P(DatabaseTest, UniqueViolationIsAConstraintError) {
  auto c = database().acquire();
  c->execute("INSERT INTO categories (slug, name) VALUES ('a', 'A')");
  EXPECT_THROW(c->execute("INSERT INTO categories (slug, name) VALUES ('a', 'B')"), db::ConstraintError);
}

TEST_P(DatabaseTest, TransactionRollsBackUnlessCommitted) {
  auto c = database().acquire();
  {
    db::Transaction tx(*c);
    c->execute("INSERT INTO categories (slug, name) VALUES ('x', 'X')");
  }
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM categories WHERE slug = 'x'"), 0);
  {
    db::Transaction tx(*c);
    c->execute("INSERT INTO categories (slug, name) VALUES ('y', 'Y')");
    tx.commit();
  }
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM categories WHERE slug = 'y'"), 1);
}

TEST_P(DatabaseTest, ConnectionReturnedMidTransactionIsRolledBack) {
  {
    auto c = database().acquire();
    c->begin();
    c->execute("INSERT INTO categories (slug, name) VALUES ('z', 'Z')");
  }  // lease released without commit
  auto c = database().acquire();
  EXPECT_FALSE(c->in_transaction());
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM categories WHERE slug = 'z'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::ValuesIn(testing_support::backends()), testing_support::backend_name);

TEST(Database, UnreachablePostgresGivesAReadableError) {
  try {
    db::open_database("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2");
    FAIL() << "expected an error";
  } catch (const db::Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("cannot connect to PostgreSQL"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("secret"), std::string::npos) << "the password must not leak: " << msg;
  }
}

TEST(Database, AFullPoolRefusesAfterItsTimeoutInsteadOfWaitingForever) {
  const std::string path = testing_support::make_temp_dir() + "/pool.db";
  db::Database pool(db::Dialect::sqlite, "sqlite:" + path, [path] { return db::open_sqlite_connection(path); }, 1,
                    std::chrono::milliseconds(100));
  auto held = pool.acquire();
  const auto started = std::chrono::steady_clock::now();
  EXPECT_THROW(pool.acquire(), db::PoolTimeout);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(100));
  { auto gone = std::move(held); }
  EXPECT_NO_THROW(pool.acquire()) << "a connection given back is handed out again";
}

TEST(Database, ASqliteWriterWaitingPastTheBusyTimeoutIsOverloadedNotBroken) {
  // Found by sqlmap: a burst of writes held SQLite's write lock past the 10 s busy timeout and
  // the waiting request answered 500. It is an overload (503, try again), like a full pool.
  const std::string path = testing_support::make_temp_dir() + "/busy.db";
  auto holder = db::open_sqlite_connection(path);
  auto waiter = db::open_sqlite_connection(path, std::chrono::milliseconds(100));
  holder->execute_script("CREATE TABLE t (x INTEGER)");
  holder->begin();
  holder->execute("INSERT INTO t (x) VALUES (1)");
  EXPECT_THROW(waiter->begin(), db::LockTimeout);
  EXPECT_THROW(waiter->execute("INSERT INTO t (x) VALUES (2)"), db::Overloaded);
  holder->commit();
  waiter->begin();
  EXPECT_NO_THROW(waiter->execute("INSERT INTO t (x) VALUES (3)")) << "the lock given back is taken";
  waiter->commit();
}

TEST(Database, PlaceholdersAreNumberedOutsideLiterals) {
  EXPECT_EQ(db::number_placeholders("SELECT ? , '?', \"a?\" -- ?\n, ?"), "SELECT $1 , '?', \"a?\" -- ?\n, $2");
}

}  // namespace
