#include "stats/dispatch_repository.h"

#include "db/rows.h"

namespace stats {

namespace {

DispatchStatus dispatch_status(const std::string& s) {
  if (s == "sent") return DispatchStatus::sent;
  if (s == "failed") return DispatchStatus::failed;
  return DispatchStatus::waiting;
}

constexpr const char* kDispatchColumns =
    "id, period_code, report_key, revision, document, status, attempts, last_error, receipt, requested_by, on_lock, created_at, sent_at";

Dispatch read_dispatch(const db::Row& r) {
  Dispatch d;
  std::string status;
  db::read_row(r, d.id, d.period_code, d.report_key, d.revision, d.document, status, d.attempts, d.last_error, d.receipt,
               d.requested_by, d.on_lock, d.created_at, d.sent_at);
  d.status = dispatch_status(status);
  return d;
}

}  // namespace

const db::DurableQueue& DispatchRepository::queue() {
  static const db::DurableQueue queue({"report_dispatches", "waiting", "waiting", "sent", "failed", "sent_at"});
  return queue;
}

std::int64_t DispatchRepository::enqueue(const std::string& period_code, const std::string& report_key, const std::string& revision,
                                         const std::string& document, std::optional<std::int64_t> requested_by, bool on_lock,
                                         std::int64_t now) {
  return queue().enqueue(c_,
                         {{"period_code", period_code},
                          {"report_key", report_key},
                          {"revision", revision},
                          {"document", document},
                          {"requested_by", db::opt(requested_by)},
                          {"on_lock", std::int64_t{on_lock}}},
                         now);
}

std::optional<Dispatch> DispatchRepository::find(std::int64_t id) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kDispatchColumns + " FROM report_dispatches WHERE id = ?", {id}), read_dispatch);
}

std::optional<std::int64_t> DispatchRepository::waiting(const std::string& report_key, const std::string& revision) {
  auto r = c_.query_one("SELECT id FROM report_dispatches WHERE report_key = ? AND revision = ? AND status = 'waiting' ORDER BY id LIMIT 1",
                        {report_key, revision});
  if (!r) return std::nullopt;
  return r->int64(0);
}

std::vector<Dispatch> DispatchRepository::of_period(const std::string& period_code, int limit) {
  return db::map_rows(c_.query(std::string("SELECT ") + kDispatchColumns +
                                   " FROM report_dispatches WHERE period_code = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                               {period_code, limit}),
                      read_dispatch);
}

void DispatchRepository::set_receipt(std::int64_t id, const std::string& receipt) {
  c_.execute("UPDATE report_dispatches SET receipt = ? WHERE id = ?", {receipt, id});
}

}  // namespace stats
