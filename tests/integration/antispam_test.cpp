// Anti-spam state shared by every node: the site secret and the spent proof-of-work challenges,
// on both databases.
#include "antispam/proof_of_work.h"
#include "antispam/site_secret.h"
#include "core/random.h"
#include "core/time.h"
#include "support/fixtures.h"

#include <thread>

namespace {

class AntispamTest : public testing_support::BackendTest {};

TEST_P(AntispamTest, SpendingAChallengeTwiceIsAReplay) {
  auto c = database().acquire();
  const std::string a = antispam::pow::issue_challenge("secret", 4, 1000);
  const std::string b = antispam::pow::issue_challenge("secret", 4, 1000);
  EXPECT_TRUE(antispam::pow::spend(*c, a, 2800));
  EXPECT_FALSE(antispam::pow::spend(*c, a, 2800));
  EXPECT_TRUE(antispam::pow::spend(*c, b, 2800));
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM pow_spent"), 2);
  // Only hashes are stored.
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM pow_spent WHERE challenge_hash = ?", {a}), 0);
}

TEST_P(AntispamTest, ReplayIsRefusedAcrossNodesAndInsideATransaction) {
  const std::string secret = antispam::site_secret(database());
  const std::int64_t now = core::now_unix();
  const std::string challenge = antispam::pow::issue_challenge(secret, 6, now);
  const std::string nonce = *antispam::pow::solve(challenge, 6);
  {
    auto c = database().acquire();
    db::Transaction tx(*c);
    EXPECT_EQ(antispam::pow::verify_and_spend(*c, secret, challenge, nonce, 6, now), antispam::pow::Result::ok);
    tx.commit();
  }
  // A second node: its own pool on the same database.
  auto other = db::open_database(db_->url(), 2);
  auto c = other->acquire();
  EXPECT_EQ(antispam::pow::verify_and_spend(*c, antispam::site_secret(*other), challenge, nonce, 6, now + 1),
            antispam::pow::Result::replayed);
  // Verification alone is stateless, and failures spend nothing.
  EXPECT_EQ(antispam::pow::verify(secret, challenge, nonce, 6, now + 1), antispam::pow::Result::ok);
  const std::string fresh = antispam::pow::issue_challenge(secret, 6, now);
  EXPECT_EQ(antispam::pow::verify_and_spend(*c, secret, fresh, nonce, 9, now), antispam::pow::Result::too_easy);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM pow_spent"), 1);
  // Rolled back: the visitor's work is not lost.
  {
    db::Transaction tx(*c);
    EXPECT_EQ(antispam::pow::verify_and_spend(*c, secret, fresh, *antispam::pow::solve(fresh, 6), 6, now), antispam::pow::Result::ok);
  }
  EXPECT_EQ(antispam::pow::verify_and_spend(*c, secret, fresh, *antispam::pow::solve(fresh, 6), 6, now), antispam::pow::Result::ok);
  // The record lasts exactly as long as the challenge is valid.
  EXPECT_EQ(c->query_int("SELECT expires_at FROM pow_spent WHERE challenge_hash = ?", {core::sha256_hex(challenge)}),
            now + antispam::pow::kDefaultMaxAgeSeconds);
}

TEST_P(AntispamTest, PurgeDeletesOnlyExpiredRecords) {
  auto c = database().acquire();
  EXPECT_TRUE(antispam::pow::spend(*c, "old", 100));
  EXPECT_TRUE(antispam::pow::spend(*c, "edge", 200));
  EXPECT_TRUE(antispam::pow::spend(*c, "live", 300));
  EXPECT_EQ(antispam::pow::purge_spent(*c, 200), 1);
  // At its expiry second a challenge still verifies, so its record must still be there.
  EXPECT_FALSE(antispam::pow::spend(*c, "edge", 200));
  EXPECT_TRUE(antispam::pow::spend(*c, "old", 100));
}

TEST_P(AntispamTest, SiteSecretIsCreatedOnceAndSharedByEveryNode) {
  database();  // migrated
  auto first = db::open_database(db_->url(), 2);
  auto second = db::open_database(db_->url(), 2);
  std::string a = antispam::load_site_secret(*first->acquire());
  std::string b = antispam::load_site_secret(*second->acquire());
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(antispam::load_site_secret(*first->acquire()), a);
  EXPECT_EQ(antispam::site_secret(database()), a);
  auto c = database().acquire();
  auto row = c->query_one("SELECT value FROM settings WHERE key = 'site_secret'");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0).size(), 64u);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM settings WHERE key = 'site_secret'"), 1);
}

TEST_P(AntispamTest, NodesStartingAtOnceAgreeOnTheSecret) {
  database();  // migrated
  constexpr int kNodes = 4;
  std::vector<std::unique_ptr<db::Database>> nodes;
  for (int i = 0; i < kNodes; ++i) nodes.push_back(db::open_database(db_->url(), 1));
  std::vector<std::string> secrets(kNodes);
  std::vector<std::thread> threads;
  for (int i = 0; i < kNodes; ++i)
    threads.emplace_back([&, i] { secrets[i] = antispam::load_site_secret(*nodes[i]->acquire()); });
  for (auto& t : threads) t.join();
  for (const auto& s : secrets) EXPECT_EQ(s, secrets[0]);
  EXPECT_EQ(secrets[0].size(), 32u);
}

TEST_P(AntispamTest, ACorruptedSecretIsReportedNotUsed) {
  auto c = database().acquire();
  c->execute("INSERT INTO settings (key, value) VALUES ('site_secret', 'not hex')");
  EXPECT_THROW(antispam::load_site_secret(*c), db::Error);
}

INSTANTIATE_TEST_SUITE_P(Backends, AntispamTest, ::testing::ValuesIn(testing_support::backends()),
                         testing_support::backend_name);

}  // namespace
