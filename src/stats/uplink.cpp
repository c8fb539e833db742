#include "stats/uplink.h"

#include "core/utf8.h"
#include "stats/exchange.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace stats {

namespace {

// The receiver's own words from an error body ({"error": {"message": …}}), at most 300 characters.
std::string receiver_message(const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_object() && j.contains("error") && j["error"].is_object() && j["error"].contains("message") && j["error"]["message"].is_string()) {
    const auto& m = j["error"]["message"].get_ref<const std::string&>();
    if (core::is_valid_utf8(m)) return core::utf8_prefix(m, 300);
  }
  return "";
}

db::WorkerOptions uplink_worker_options(const UplinkSettings& settings) {
  db::WorkerOptions o;
  o.name = "uplink";
  o.lease_seconds = 120;  // longer than the send timeout
  o.backoff = uplink_backoff(settings);
  o.ready = [&settings] { return settings.enabled(); };
  return o;
}

}  // namespace

UplinkDelivery classify_uplink_answer(const core::HttpPostResult& result) {
  const long s = result.status;
  if (s >= 200 && s < 300) {
    auto j = nlohmann::json::parse(result.body, nullptr, false);
    std::string receipt;
    if (j.is_object() && j.contains("status") && j["status"].is_string()) {
      const auto& status = j["status"].get_ref<const std::string&>();
      if (status == "created" || status == "replaced" || status == "unchanged") receipt = status;
    }
    return {UplinkDelivery::Kind::sent, receipt, {}};
  }
  if (s == 0) return {UplinkDelivery::Kind::retry, {}, "Không kết nối được tới nơi nhận: " + core::utf8_prefix(result.error, 200)};
  const auto said = receiver_message(result.body);
  const auto text = fmt::format("Nơi nhận trả lời HTTP {}{}", s, said.empty() ? "" : ": " + said);
  if (s == 401 || s == 403 || s == 404 || s == 408 || s == 425 || s == 429 || s >= 500) return {UplinkDelivery::Kind::retry, {}, text};
  return {UplinkDelivery::Kind::failed, {}, text};
}

db::Backoff uplink_backoff(const UplinkSettings& settings) {
  return {settings.retry_base_seconds, {1, 5, 30, 120, 360}, settings.max_attempts};
}

UplinkService::UplinkService(db::Database& database, ReportService& reports, const UplinkSettings& settings, std::function<void()> queued)
    : database_(database), reports_(reports), settings_(settings), queued_(std::move(queued)) {}

core::Result<std::int64_t> UplinkService::send(const std::string& period_code, const auth::Actor& actor, std::int64_t now, bool on_lock) {
  if (!enabled())
    return core::fail(core::ServiceError::unavailable("uplink_not_configured", "Chưa cấu hình nơi nhận báo cáo cấp trên (PHOBIEN_UPLINK_URL)."));
  auto approved = reports_.approved(period_code, reports_.root_code());
  if (!approved) return core::fail(approved.error());
  if (approved->total.approved == 0)
    return core::fail(core::ServiceError::conflict("Kỳ báo cáo này chưa có báo cáo nào được duyệt: chưa có số liệu để gửi lên cấp trên."));
  const auto document = exchange_document(*approved, reports_.root_code(), now);
  const auto key = document["report_key"].get<std::string>();
  const auto revision = document["revision"].get<std::string>();
  std::int64_t id = 0;
  {
    auto c = database_.acquire();
    db::Transaction tx(*c);
    DispatchRepository repo(*c);
    if (auto waiting = repo.waiting(key, revision)) return *waiting;
    id = repo.enqueue(approved->period.code, key, revision, document.dump(), actor.user_id, on_lock, now);
    auth::record_audit(*c, actor, "report.send_up", "period:" + approved->period.code, revision.substr(0, 12));
    tx.commit();
  }
  if (queued_) queued_();
  return id;
}

std::vector<Dispatch> UplinkService::dispatches(const std::string& period_code) {
  auto c = database_.acquire();
  return DispatchRepository(*c).of_period(period_code, 20);
}

UplinkWorker::UplinkWorker(db::Database& database, const UplinkSettings& settings)
    : database_(database),
      settings_(settings),
      worker_(database, DispatchRepository::queue(), uplink_worker_options(settings), [this](const db::Job& job) { return deliver(job); }) {}

db::Outcome UplinkWorker::deliver(const db::Job& job) {
  std::optional<Dispatch> dispatch;
  {
    auto c = database_.acquire();
    dispatch = DispatchRepository(*c).find(job.id);
  }
  if (!dispatch) return db::Outcome::failure("the dispatch is gone");
  const auto about = fmt::format("report {} (dispatch {})", dispatch->report_key, job.id);
  auto result = core::http_post({settings_.url, {"Authorization: Bearer " + settings_.token}, dispatch->document}, &worker_.stopping());
  if (result.cancelled) return db::Outcome::cancelled();
  auto delivery = classify_uplink_answer(result);
  if (delivery.kind == UplinkDelivery::Kind::sent) {
    if (!delivery.receipt.empty()) {
      auto c = database_.acquire();
      DispatchRepository(*c).set_receipt(job.id, delivery.receipt);
    }
    return db::Outcome::success(about);
  }
  if (delivery.kind == UplinkDelivery::Kind::retry) return db::Outcome::retry(delivery.error, about);
  return db::Outcome::failure(delivery.error, about);
}

}  // namespace stats
