// The durable queue, tested once for every queue that uses it (chat replies, e-mails, hand-offs),
// on both databases and on a table of the tests' own: enqueueing in the caller's transaction,
// claims and their leases, the attempt fence, backoff and giving up, purges, the worker's loop
// (notify, stop with a job in flight, exceptions, readiness), and workers in two threads and in
// two processes claiming from one table.
#include "core/time.h"
#include "db/queue_worker.h"
#include "mail/mail_worker.h"
#include "messaging/outbox_worker.h"
#include "support/fixtures.h"
#include "support/process.h"
#include "support/test_queue.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

namespace {

using namespace testing_support;
using namespace std::chrono_literals;

class DurableQueueTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    create_test_queue_table(*database().acquire());
  }

  std::int64_t enqueue(const std::string& payload, std::int64_t now) {
    return queue_.enqueue(*database().acquire(), {{"payload", payload}}, now);
  }

  struct Row {
    std::string status;
    std::int64_t attempts = 0, next_attempt_at = 0;
    std::optional<std::string> last_error;
    std::optional<std::int64_t> done_at;
  };
  Row row(std::int64_t id) {
    auto r = database().acquire()->query_one("SELECT status, attempts, next_attempt_at, last_error, done_at FROM test_jobs WHERE id = ?", {id});
    if (!r) return {};
    return {r->text(0), r->int64(1), r->int64(2), r->opt_text(3), r->opt_int64(4)};
  }
  // Waits until job `id` reaches `status` (up to 5 s).
  Row wait_status(std::int64_t id, const std::string& status) {
    Row r;
    for (int i = 0; i < 250 && (r = row(id)).status != status; ++i) std::this_thread::sleep_for(20ms);
    return r;
  }

  db::DurableQueue queue_{test_queue_table()};
};

TEST_P(DurableQueueTest, JobsExistOnlyWhenTheCallersTransactionCommitsAndAreClaimedInOrder) {
  {
    auto c = database().acquire();
    db::Transaction tx(*c);
    queue_.enqueue(*c, {{"payload", std::string("rolled back")}}, 1000);
  }
  auto c = database().acquire();
  EXPECT_FALSE(queue_.has_due(*c, 5000));
  auto later = enqueue("later", 1000);
  auto sooner = enqueue("sooner", 900);
  auto same_time = enqueue("same time, queued after", 900);
  EXPECT_EQ(row(later).status, "waiting");
  EXPECT_EQ(row(later).attempts, 0);
  EXPECT_FALSE(queue_.has_due(*c, 899));
  EXPECT_TRUE(queue_.has_due(*c, 900));
  EXPECT_FALSE(queue_.claim(*c, 899, 60)) << "nothing is due before its time";
  EXPECT_EQ(queue_.claim(*c, 1000, 60)->id, sooner);
  EXPECT_EQ(queue_.claim(*c, 1000, 60)->id, same_time);
  EXPECT_EQ(queue_.claim(*c, 1000, 60)->id, later);
  EXPECT_FALSE(queue_.claim(*c, 1000, 60));
}

TEST_P(DurableQueueTest, AClaimHoldsAJobUntilItsLeaseLapsesAndTheAttemptFencesIt) {
  auto id = enqueue("a", 1000);
  auto first = queue_.claim(*database().acquire(), 1000, 120);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->attempts, 1);
  auto r = row(id);
  EXPECT_EQ(r.status, "working");
  EXPECT_EQ(r.next_attempt_at, 1120) << "the lease";
  EXPECT_FALSE(queue_.has_due(*database().acquire(), 1119));
  EXPECT_FALSE(queue_.claim(*database().acquire(), 1119, 120)) << "held by the first worker";

  // The first worker died: its lease lapses and another worker takes the job.
  auto second = queue_.claim(*database().acquire(), 1120, 120);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->attempts, 2);
  EXPECT_FALSE(queue_.complete(*database().acquire(), *first, 1130)) << "the late first worker changes nothing";
  EXPECT_EQ(queue_.settle(*database().acquire(), *first, db::Outcome::failure("late"), {}, 1130).kind, db::Settled::Kind::lost);
  EXPECT_EQ(row(id).status, "working");
  EXPECT_TRUE(queue_.complete(*database().acquire(), *second, 1140));
  r = row(id);
  EXPECT_EQ(r.status, "done");
  EXPECT_EQ(r.done_at, 1140);
  EXPECT_FALSE(r.last_error);
  EXPECT_FALSE(queue_.complete(*database().acquire(), *second, 1150)) << "done once";
  EXPECT_FALSE(queue_.has_due(*database().acquire(), 1'000'000));
}

TEST_P(DurableQueueTest, FailedAttemptsWaitTheBackoffThenGiveUp) {
  const db::Backoff backoff{10, {1, 3}, 3};
  auto id = enqueue("a", 1000);
  auto c = database().acquire();

  auto job = queue_.claim(*c, 1000, 60);
  auto s = queue_.settle(*c, *job, db::Outcome::retry("HTTP 503"), backoff, 1005);
  EXPECT_EQ(s.kind, db::Settled::Kind::retrying);
  EXPECT_EQ(s.delay_seconds, 10);
  auto r = row(id);
  EXPECT_EQ(r.status, "waiting");
  EXPECT_EQ(r.next_attempt_at, 1015);
  EXPECT_EQ(r.last_error, "HTTP 503");
  EXPECT_FALSE(queue_.claim(*c, 1014, 60));

  job = queue_.claim(*c, 1015, 60);
  ASSERT_TRUE(job);
  EXPECT_EQ(queue_.settle(*c, *job, db::Outcome::retry("HTTP 503"), backoff, 1015).delay_seconds, 30);
  EXPECT_EQ(row(id).next_attempt_at, 1045);

  job = queue_.claim(*c, 1045, 60);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->attempts, 3);
  s = queue_.settle(*c, *job, db::Outcome::retry("HTTP 503"), backoff, 1045);
  EXPECT_EQ(s.kind, db::Settled::Kind::failed);
  r = row(id);
  EXPECT_EQ(r.status, "failed");
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(r.last_error, "HTTP 503 (gave up after 3 attempts)");
  EXPECT_FALSE(queue_.has_due(*c, 1'000'000));

  // A permanent failure is not retried, and says so without "gave up".
  auto refused = enqueue("b", 1000);
  job = queue_.claim(*c, 1000, 60);
  EXPECT_EQ(queue_.settle(*c, *job, db::Outcome::failure("HTTP 400"), backoff, 1000).kind, db::Settled::Kind::failed);
  EXPECT_EQ(row(refused).last_error, "HTTP 400");
  EXPECT_EQ(row(refused).attempts, 1);
}

TEST_P(DurableQueueTest, ACancelledAttemptGoesBackUncounted) {
  auto id = enqueue("a", 1000);
  auto c = database().acquire();
  auto job = queue_.claim(*c, 1000, 60);
  EXPECT_EQ(queue_.settle(*c, *job, db::Outcome::cancelled(), {}, 1010).kind, db::Settled::Kind::released);
  auto r = row(id);
  EXPECT_EQ(r.status, "waiting");
  EXPECT_EQ(r.attempts, 0);
  EXPECT_EQ(r.next_attempt_at, 1010) << "due again at once, not after its lease";
}

TEST_P(DurableQueueTest, ALeaseAloneCanBeTheClaim) {
  // The e-mail queue's way: no status while claimed.
  auto table = test_queue_table();
  table.claimed = table.waiting;
  table.finished_at = "";
  db::DurableQueue queue(table);
  auto id = queue.enqueue(*database().acquire(), {{"payload", std::string("a")}}, 1000);
  auto job = queue.claim(*database().acquire(), 1000, 60);
  ASSERT_TRUE(job);
  EXPECT_EQ(row(id).status, "waiting");
  EXPECT_FALSE(queue.claim(*database().acquire(), 1059, 60));
  EXPECT_TRUE(queue.complete(*database().acquire(), *job, 1030));
  EXPECT_EQ(row(id).status, "done");
  EXPECT_FALSE(row(id).done_at) << "no finished_at column named";
}

TEST_P(DurableQueueTest, PurgeDeletesOnlyFinishedOldJobs) {
  auto c = database().acquire();
  for (const auto& [status, created] : std::vector<std::pair<std::string, std::int64_t>>{
           {"done", 100}, {"failed", 100}, {"waiting", 100}, {"working", 100}, {"done", 5000}})
    c->execute("INSERT INTO test_jobs (payload, status, attempts, next_attempt_at, created_at) VALUES ('x', ?, 1, ?, ?)", {status, created, created});
  EXPECT_EQ(queue_.purge(*c, 1000), 2);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM test_jobs"), 3) << "unfinished and recent jobs stay";
  EXPECT_EQ(queue_.purge(*c, 1000), 0);
}

// ---- The worker -------------------------------------------------------------------------------

db::WorkerOptions options(std::chrono::milliseconds poll = 60s) {
  db::WorkerOptions o;
  o.name = "test";
  o.poll = poll;
  o.backoff = {0, {1}, 3};
  return o;
}

TEST_P(DurableQueueTest, TheWorkerWakesWhenNotified) {
  std::mutex m;
  std::vector<std::int64_t> handled;
  db::QueueWorker worker(database(), queue_, options(60s), [&](const db::Job& job) {
    std::lock_guard lock(m);
    handled.push_back(job.id);
    return db::Outcome::success();
  });
  worker.start();
  std::this_thread::sleep_for(100ms);  // its first pass found nothing: the next is a minute away
  auto id = enqueue("a", core::now_unix());
  auto started = std::chrono::steady_clock::now();
  worker.notify();
  EXPECT_EQ(wait_status(id, "done").attempts, 1);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  std::lock_guard lock(m);
  EXPECT_EQ(handled, std::vector<std::int64_t>{id});
}

TEST_P(DurableQueueTest, ExceptionsAreRetriedRedactedThenGivenUp) {
  auto o = options(20ms);
  o.redact = [](const std::string& s) { return s.substr(0, s.find(" for ")) + " for [redacted]"; };
  db::QueueWorker worker(database(), queue_, o, [](const db::Job&) -> db::Outcome {
    throw std::runtime_error("database gone for nguyen.van.an@example.com");
  });
  auto id = enqueue("a", core::now_unix());
  worker.start();
  auto r = wait_status(id, "failed");
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(r.last_error, "internal: database gone for [redacted] (gave up after 3 attempts)");
}

TEST_P(DurableQueueTest, StopCancelsTheJobInFlightAndPutsItBack) {
  std::atomic<bool> in_flight{false};
  std::unique_ptr<db::QueueWorker> worker;
  worker = std::make_unique<db::QueueWorker>(database(), queue_, options(), [&](const db::Job&) {
    in_flight = true;
    // Stands for a send that would take 30 s: the worker's cancel flag ends it.
    for (int i = 0; i < 3000 && !worker->stopping(); ++i) std::this_thread::sleep_for(10ms);
    return worker->stopping() ? db::Outcome::cancelled() : db::Outcome::success();
  });
  auto id = enqueue("a", core::now_unix());
  worker->start();
  for (int i = 0; i < 250 && !in_flight; ++i) std::this_thread::sleep_for(20ms);
  ASSERT_TRUE(in_flight);
  EXPECT_EQ(row(id).attempts, 1);
  auto started = std::chrono::steady_clock::now();
  worker->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  auto r = row(id);
  EXPECT_EQ(r.status, "waiting");
  EXPECT_EQ(r.attempts, 0) << "an interrupted attempt is not counted";
  EXPECT_TRUE(queue_.has_due(*database().acquire(), core::now_unix()));
}

TEST_P(DurableQueueTest, AWorkerThatIsNotReadyClaimsNothing) {
  bool ready = false;
  auto o = options();
  o.ready = [&] { return ready; };
  int calls = 0;
  db::QueueWorker worker(database(), queue_, o, [&](const db::Job&) {
    ++calls;
    return db::Outcome::success();
  });
  auto id = enqueue("a", core::now_unix());
  EXPECT_EQ(worker.run_once(), 0);
  EXPECT_EQ(row(id).attempts, 0);
  ready = true;
  EXPECT_EQ(worker.run_once(), 1);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(row(id).status, "done");
}

TEST_P(DurableQueueTest, TwoWorkersHandleEachJobOnce) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(enqueue("job " + std::to_string(i), core::now_unix()));
  std::mutex m;
  std::multiset<std::int64_t> handled;
  auto handler = [&](const db::Job& job) {
    std::this_thread::sleep_for(2ms);
    std::lock_guard lock(m);
    handled.insert(job.id);
    return db::Outcome::success();
  };
  // Each with its own connections, as on two nodes.
  auto other = db::open_database(db_->url(), 4);
  db::QueueWorker a(database(), queue_, options(20ms), handler), b(*other, queue_, options(20ms), handler);
  a.start();
  b.start();
  for (auto id : ids) EXPECT_EQ(wait_status(id, "done").attempts, 1);
  a.stop();
  b.stop();
  std::lock_guard lock(m);
  EXPECT_EQ(handled, std::multiset<std::int64_t>(ids.begin(), ids.end()));
}

TEST_P(DurableQueueTest, TwoProcessesClaimEachJobOnce) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 200; ++i) ids.push_back(enqueue("job " + std::to_string(i), core::now_unix()));
  const std::string dir = db_->data_dir();
  const std::string go = dir + "/go";
  CommandResult results[2];
  std::thread children[2];
  for (int i = 0; i < 2; ++i)
    children[i] = std::thread([&, i] { results[i] = run_program(PHOBIEN_QUEUE_CLAIMER, {db_->url(), dir + "/ready" + std::to_string(i), go}); });
  // Both have opened the database before either claims anything.
  for (int i = 0; i < 1000 && !(std::filesystem::exists(dir + "/ready0") && std::filesystem::exists(dir + "/ready1")); ++i)
    std::this_thread::sleep_for(10ms);
  std::ofstream(go) << "go\n";
  for (auto& t : children) t.join();

  std::multiset<std::int64_t> claimed;
  std::size_t per_process[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(results[i].exit_code, 0) << results[i].output;
    std::istringstream lines(results[i].output);
    for (std::string line; std::getline(lines, line);)
      if (line.starts_with("job ")) {  // the worker's own log lines come in between
        claimed.insert(std::stoll(line.substr(4)));
        ++per_process[i];
      }
  }
  EXPECT_EQ(claimed, std::multiset<std::int64_t>(ids.begin(), ids.end())) << "every job once, by one process";
  EXPECT_GT(per_process[0], 0u) << "both processes took jobs";
  EXPECT_GT(per_process[1], 0u) << "both processes took jobs";
  EXPECT_EQ(database().acquire()->query_int("SELECT COUNT(*) FROM test_jobs WHERE status = 'done' AND attempts = 1"), 200);
}

// The curves README's configuration table promises, from the settings' defaults.
TEST(QueueBackoff, ChatRepliesAndMailsKeepTheirDocumentedCurves) {
  messaging::Settings chat;
  mail::Settings mail;
  auto delays = [](const db::Backoff& b) {
    std::vector<std::int64_t> d;
    for (int attempt = 1; attempt <= 6; ++attempt) d.push_back(b.delay_seconds(attempt));
    return d;
  };
  // 5 s, 30 s, 2 min, 10 min, 1 h; then 1 h again.
  EXPECT_EQ(delays(messaging::reply_backoff(chat)), (std::vector<std::int64_t>{5, 30, 120, 600, 3600, 3600}));
  // 1 min, 4 min, 16 min, 64 min, 4 h 16 min; then that again.
  EXPECT_EQ(delays(mail::mail_backoff(mail)), (std::vector<std::int64_t>{60, 240, 960, 3840, 15360, 15360}));
  EXPECT_EQ(messaging::reply_backoff(chat).max_attempts, 6);
  EXPECT_EQ(mail::mail_backoff(mail).max_attempts, 6);
  chat.outbox_retry_base_seconds = 0;
  mail.max_attempts = 3;
  EXPECT_EQ(messaging::reply_backoff(chat).delay_seconds(4), 0);
  EXPECT_EQ(mail::mail_backoff(mail).max_attempts, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, DurableQueueTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
