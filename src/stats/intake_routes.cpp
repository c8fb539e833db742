#include "stats/intake_routes.h"

#include "auth/api_tokens.h"
#include "core/time.h"
#include "stats/period.h"
#include "stats/permissions.h"
#include "stats/report_rules.h"

namespace stats {

namespace {

constexpr std::size_t kMaxExchangeBytes = 1024 * 1024;  // 500 indicators and a province's units below, with room

http::Response receive_report(IntakeService& intake, db::Database& database, http::Request& r, const web::Visitor& v) {
  auto token = auth::bearer_token(*database.acquire(), r.header("authorization").value_or(""), "stats:submit");
  if (!token) {
    auto response = web::Site::api_error(401, "unauthorized", "Cần mã truy cập API hợp lệ (Authorization: Bearer …) có quyền stats:submit.");
    response.set("WWW-Authenticate", "Bearer");
    return response;
  }
  auto receipt = intake.receive(*token, r.body, v.actor(), core::now_unix());
  if (!receipt) {
    // A document that breaks the format is the sender's to fix: 422, which senders do not retry.
    if (receipt.error().kind == core::ErrorKind::invalid)
      return web::Site::api_error(422, receipt.error().code, receipt.error().message);
    return web::Site::api_error(receipt.error());
  }
  nlohmann::json body = {{"status", std::string(receipt_name(receipt->kind))},
                         {"report_key", receipt->report_key},
                         {"revision", receipt->revision}};
  return http::Response::json(body.dump(), receipt->kind == IntakeReceipt::Kind::created ? 201 : 200);
}

nlohmann::json received_period_view(const ReceivedPeriod& p) {
  nlohmann::json reports = nlohmann::json::array();
  for (const auto& r : p.reports)
    reports.push_back({{"province", r.province},
                       {"name", r.province_name},
                       {"received", core::format_vn_datetime(r.received_at)},
                       {"updated", core::format_vn_datetime(r.updated_at)},
                       {"deliveries", r.deliveries},
                       {"revision", r.revision.substr(0, 12)}});
  nlohmann::json totals = nlohmann::json::array();
  for (const auto& t : p.totals)
    totals.push_back({{"code", t.code}, {"name", t.name}, {"value", count_text(t.value)}, {"provinces", t.provinces}});
  return {{"period", {{"code", p.code}, {"name", p.name}}}, {"reports", reports}, {"totals", totals}, {"province_count", p.reports.size()}};
}

}  // namespace

void register_intake_routes(web::Site& site, IntakeService& intake, db::Database& database) {
  const auto read = web::needs(perm::read_received);
  site.add(web::api("POST", "/api/v1/stats/exchange").accepting(kMaxExchangeBytes).limited(120, 60),
           [&intake, &database](http::Request& r, web::Visitor& v) { return receive_report(intake, database, r, v); });
  site.add(web::page("/quan-tri/bao-cao-nhan", read), [&site, &intake](http::Request&, web::Visitor& v) {
    auto view = site.base_view(v, "Báo cáo nhận từ các tỉnh, thành phố");
    nlohmann::json periods = nlohmann::json::array();
    for (const auto& [code, name] : intake.periods()) periods.push_back({{"name", name}, {"url", "/quan-tri/bao-cao-nhan/" + code}});
    view["periods"] = periods;
    view["has_periods"] = !periods.empty();
    return site.page("stats/received", view);
  });
  site.add(web::page("/quan-tri/bao-cao-nhan/{period}", read), [&site, &intake](http::Request& r, web::Visitor& v) {
    const auto& code = r.params["period"];
    if (!standard_period(code)) return site.not_found_page(v);
    auto period = intake.period(code);
    if (!period) return site.not_found_page(v);
    auto view = site.base_view(v, period->name + ": báo cáo nhận từ các tỉnh, thành phố");
    view.update(received_period_view(*period));
    return site.page("stats/received_period", view);
  });
}

}  // namespace stats
