#include "db/queue_worker.h"

#include "core/time.h"

#include <spdlog/spdlog.h>

namespace db {

namespace {
constexpr std::int64_t kPurgeEverySeconds = 3600;
}  // namespace

QueueWorker::QueueWorker(Database& database, DurableQueue queue, WorkerOptions options, Handler handler)
    : database_(database),
      queue_(std::move(queue)),
      options_(std::move(options)),
      handler_(std::move(handler)),
      thread_(options_.name, options_.poll, [this] {
        int handled = 0;
        try {
          handled = run_once();
          purge_if_due();
        } catch (const std::exception& e) {
          spdlog::warn("{}: pass failed: {}", options_.name, redacted(e.what()));
        }
        return handled;
      }) {}

QueueWorker::~QueueWorker() { stop(); }

int QueueWorker::run_once() {
  if (options_.ready && !options_.ready()) return 0;
  {
    // A read first: on SQLite even a claim that finds nothing takes the write lock.
    auto c = database_.acquire();
    if (!queue_.has_due(*c, core::now_unix())) return 0;
  }
  int handled = 0;
  while (handled < options_.batch && !stopping()) {
    std::optional<Job> job;
    {
      auto c = database_.acquire();
      job = queue_.claim(*c, core::now_unix(), options_.lease_seconds);
    }
    if (!job) break;  // none left, or other nodes took them
    ++handled;
    handle(*job);
  }
  return handled;
}

void QueueWorker::handle(const Job& job) {
  Outcome outcome;
  try {
    outcome = handler_(job);
  } catch (const std::exception& e) {
    // The database or a service failed: try again later, like a network error.
    outcome = Outcome::retry("internal: " + redacted(e.what()));
  }
  auto c = database_.acquire();
  auto settled = queue_.settle(*c, job, outcome, options_.backoff, core::now_unix());
  const std::string about = outcome.about.empty() ? "job " + std::to_string(job.id) : outcome.about;
  const auto& name = options_.name;
  const auto& done = queue_.table().done;
  switch (settled.kind) {
    case Settled::Kind::done:
      spdlog::info("{}: {} {} (attempt {})", name, about, done, job.attempts);
      break;
    case Settled::Kind::retrying:
      spdlog::warn("{}: {} not {} (attempt {}), retry in {} s: {}", name, about, done, job.attempts, settled.delay_seconds, outcome.error);
      break;
    case Settled::Kind::failed:
      spdlog::error("{}: {} failed: {}", name, about, settled.error);
      break;
    case Settled::Kind::released:
      break;
    case Settled::Kind::lost:
      spdlog::warn("{}: {} outlasted its lease (attempt {}); another worker has it now", name, about, job.attempts);
      break;
  }
}

void QueueWorker::purge_if_due() {
  auto now = core::now_unix();
  if (options_.retention_days <= 0 || now < next_purge_) return;
  next_purge_ = now + kPurgeEverySeconds;
  const std::int64_t cutoff = now - std::int64_t{options_.retention_days} * 86400;
  auto c = database_.acquire();
  Transaction tx(*c);
  auto n = queue_.purge(*c, cutoff);
  if (options_.purge_also) options_.purge_also(*c, cutoff);
  tx.commit();
  if (n > 0) spdlog::info("{}: deleted {} finished jobs older than {} days", options_.name, n, options_.retention_days);
}

}  // namespace db
