#pragma once
// Sending approved PBGDPL reports upwards. UplinkService queues the province's approved figures
// for a period as an exchange document (stats/exchange.h) in report_dispatches, a durable queue,
// by hand or when the period is locked; UplinkWorker POSTs each to PHOBIEN_UPLINK_URL with the
// receiver's token and retries with backoff. The document is frozen when queued and carries its
// report_key and revision, so a report that arrives twice (a lost answer, a resend) is counted
// once by the receiver.
#include "auth/audit_log.h"
#include "core/error.h"
#include "core/http_post.h"
#include "db/queue_worker.h"
#include "stats/dispatch_repository.h"
#include "stats/report_service.h"
#include "stats/settings.h"

#include <functional>

namespace stats {

// What an answer from the receiver means for one attempt.
struct UplinkDelivery {
  enum class Kind { sent, retry, failed };
  Kind kind = Kind::sent;
  std::string receipt;  // sent: the receiver's "status" (created, replaced, unchanged), or ""
  std::string error;    // retry, failed: in Vietnamese, shown on the period page
};

// 2xx: sent. No answer, 401, 403, 404, 408, 425, 429 and 5xx: tried again (the receiver is down
// or not yet set up for this province). Any other status: the receiver refused the document
// itself, so trying again cannot help; its message is kept.
UplinkDelivery classify_uplink_answer(const core::HttpPostResult& result);

// The backoff of PHOBIEN_UPLINK_RETRY_BASE_SECONDS × 1, 5, 30, 120, 360, up to
// PHOBIEN_UPLINK_MAX_ATTEMPTS sends.
db::Backoff uplink_backoff(const UplinkSettings& settings);

class UplinkService {
 public:
  // `queued` is called after a dispatch is committed (the worker's notify).
  UplinkService(db::Database& database, ReportService& reports, const UplinkSettings& settings, std::function<void()> queued = {});
  bool enabled() const { return settings_.enabled(); }
  const std::string& destination() const { return settings_.url; }

  // Queues the province's approved figures for the period (the root of the tree and every unit
  // below). 503 when sending is not configured; 404 for an unknown period; 409 when nothing of
  // the period is approved yet. A dispatch of the same revision still waiting is reused. Audited.
  // `on_lock`: queued because the period was just locked (else by hand).
  core::Result<std::int64_t> send(const std::string& period_code, const auth::Actor& actor, std::int64_t now, bool on_lock = false);
  // The period's dispatches, newest first (the latest 20).
  std::vector<Dispatch> dispatches(const std::string& period_code);

 private:
  db::Database& database_;
  ReportService& reports_;
  const UplinkSettings& settings_;
  std::function<void()> queued_;
};

class UplinkWorker {
 public:
  UplinkWorker(db::Database& database, const UplinkSettings& settings);
  // Claims nothing while sending is not configured: dispatches wait.
  void start() { worker_.start(); }
  void stop() { worker_.stop(); }
  void notify() { worker_.notify(); }
  int run_once() { return worker_.run_once(); }

 private:
  db::Outcome deliver(const db::Job& job);

  db::Database& database_;
  const UplinkSettings& settings_;
  db::QueueWorker worker_;  // last: it stops before the members its handler uses are destroyed
};

}  // namespace stats
