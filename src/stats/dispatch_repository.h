#pragma once
// All SQL of sending reports upwards: the durable queue report_dispatches (migration 0023; a
// db::DurableQueue whose statuses are waiting → sent | failed, the lease alone marks a claim).
#include "db/database.h"
#include "db/durable_queue.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stats {

enum class DispatchStatus { waiting, sent, failed };

// One sending of a period's report, as the period page lists it.
struct Dispatch {
  std::int64_t id = 0;
  std::string period_code, report_key, revision, document;
  DispatchStatus status = DispatchStatus::waiting;
  int attempts = 0;
  std::optional<std::string> last_error;
  std::optional<std::string> receipt;  // the receiver's word: created | replaced | unchanged
  std::optional<std::int64_t> requested_by;
  bool on_lock = false;  // queued by locking the period (else sent by hand)
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
};

class DispatchRepository {
 public:
  explicit DispatchRepository(db::Connection& c) : c_(c) {}
  static const db::DurableQueue& queue();

  // Queues a document; joins the transaction open on the connection, if any.
  std::int64_t enqueue(const std::string& period_code, const std::string& report_key, const std::string& revision,
                       const std::string& document, std::optional<std::int64_t> requested_by, bool on_lock, std::int64_t now);
  std::optional<Dispatch> find(std::int64_t id);
  // A dispatch of the same report and revision still waiting, if any.
  std::optional<std::int64_t> waiting(const std::string& report_key, const std::string& revision);
  // The period's dispatches, newest first, at most `limit`.
  std::vector<Dispatch> of_period(const std::string& period_code, int limit);
  void set_receipt(std::int64_t id, const std::string& receipt);

 private:
  db::Connection& c_;
};

}  // namespace stats
