#include "stats/report_routes.h"

#include "auth/api_tokens.h"
#include "core/time.h"
#include "core/xlsx_reader.h"
#include "stats/exchange.h"
#include "stats/dashboard_views.h"
#include "stats/permissions.h"
#include "stats/report_sheet.h"
#include "stats/report_views.h"
#include "units/unit_import.h"
#include "web/download.h"

namespace stats {

namespace {

constexpr std::size_t kMaxSheetBytes = 2 << 20;  // the template filled in is a few kilobytes


// A refusal of the service as a page: 404 and 403 as the site's own, the rest on `template_name`
// with the message.
http::Response refused_page(web::Site& site, const web::Visitor& v, const core::ServiceError& e, const std::string& title,
                            nlohmann::json view = nlohmann::json::object()) {
  if (e.kind == core::ErrorKind::not_found) return site.not_found_page(v);
  if (e.kind == core::ErrorKind::forbidden) {
    auto page = site.base_view(v, title);
    page["error"] = e.message;
    return site.page("stats/refused", page, 403);
  }
  auto page = site.base_view(v, title);
  page.update(view);
  page["error"] = e.message;
  return site.page("stats/refused", page, core::http_status(e.kind));
}

http::Response periods_page(web::Site& site, ReportService& reports, const web::Visitor& v, const nlohmann::json& extra, int status) {
  auto lines = reports.periods(*v.user, core::today_vn_iso());
  if (!lines) return refused_page(site, v, lines.error(), "Báo cáo thống kê PBGDPL");
  auto view = site.base_view(v, "Báo cáo thống kê PBGDPL");
  view["periods"] = periods_view(*lines);
  view["has_periods"] = !lines->empty();
  view["can_manage"] = perm::manage_reporting.allows(v.user->role);
  view["reads_received"] = perm::read_received.allows(v.user->role);
  auto actor = reports.actor_of(*v.user);
  auto tree = reports.tree();
  if (actor.unit && tree.contains(*actor.unit)) {
    view["own_unit"] = tree.find(*actor.unit)->name;
    view["files_reports"] = v.user->role == auth::Role::reporter;
  }
  view["code"] = core::today_vn_iso().substr(0, 4) + (core::today_vn_iso().substr(5, 2) <= "06" ? "-H1" : "-H2");
  if (extra.is_object()) view.update(extra);
  return site.page("stats/reports", view, status);
}

http::Response report_page(web::Site& site, ReportService& reports, const web::Visitor& v, const std::string& period,
                           const std::string& unit, const std::map<std::string, std::string>& typed, const nlohmann::json& extra,
                           int status) {
  auto form = reports.form(*v.user, period, unit);
  if (!form) return refused_page(site, v, form.error(), "Báo cáo thống kê PBGDPL");
  auto view = site.base_view(v, "Báo cáo " + form->period.name + ": " + form->unit.name);
  std::map<std::string, std::string> problems;
  if (extra.is_object() && extra.contains("errors")) problems = extra["errors"].get<std::map<std::string, std::string>>();
  view.update(report_form_view(*form, typed, problems));
  view["overview_url"] = period_url(period);
  if (extra.is_object()) view.update(extra);
  return site.page("stats/report", view, status);
}

std::optional<int> version_of(const http::Form& form) {
  const auto text = form.get("version");
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(text);
}

// GET /api/v1/stats/reports: the caller's token, the period and the unit, then the figures.
http::Response reports_api(ReportService& reports, db::Database& database, http::Request& r) {
  auto token = auth::bearer_token(*database.acquire(), r.header("authorization").value_or(""), "stats:read");
  if (!token) {
    auto response = web::Site::api_error(401, "unauthorized", "Cần mã truy cập API hợp lệ (Authorization: Bearer …) có quyền stats:read.");
    response.set("WWW-Authenticate", "Bearer");
    return response;
  }
  auto period = r.query_param("period").value_or("");
  auto unit = r.query_param("unit").value_or(token->unit_code);
  if (!period.empty() && !standard_period(period))
    return web::Site::api_error(400, "invalid_parameter", "Tham số \"period\" phải có dạng 2026-H1, 2026-H2 hoặc 2026.");
  if (!units::is_unit_code(unit)) return web::Site::api_error(400, "invalid_parameter", "Tham số \"unit\" không phải mã đơn vị.");
  if (period.empty()) {
    auto latest = reports.latest_approved_period();
    if (!latest) return web::Site::api_error(404, "not_found", "Chưa có kỳ báo cáo nào có số liệu đã duyệt.");
    period = *latest;
  }
  auto tree = reports.tree();
  if (!tree.contains(unit)) return web::Site::api_error(404, "not_found", "Không có đơn vị này trong cây đơn vị của tỉnh.");
  if (!tree.is_within(unit, token->unit_code))
    return web::Site::api_error(403, "forbidden", "Mã truy cập này chỉ đọc được số liệu của đơn vị được cấp và các đơn vị cấp dưới.");
  auto approved = reports.approved(period, unit);
  if (!approved) return web::Site::api_error(approved.error());
  return web::private_json(exchange_document(*approved, reports.root_code(), core::now_unix()));
}

// Periods: opening, the overview of a period with its downloads and dashboard, locking and
// sending upwards. Registered before a unit's report: the router takes the first pattern that fits.
void register_period_routes(web::Site& site, ReportService& reports, UplinkService& uplink) {
  const auto file = web::needs(perm::file_reports);
  const auto manage = web::needs(perm::manage_reporting);

  site.add(web::page(periods_url(), file), [&site, &reports](http::Request&, web::Visitor& v) { return periods_page(site, reports, v, {}, 200); });
  site.add(web::form(periods_url(), manage), [&site, &reports](http::Request&, web::Visitor& v) {
    auto opened = reports.open_period(v.form.get("code"), v.form.get("due_on"), v.actor());
    if (!opened) {
      auto extra = web::Site::refusal_view(opened.error());
      extra["code"] = v.form.get("code");
      extra["due_on"] = v.form.get("due_on");
      return periods_page(site, reports, v, extra, core::http_status(opened.error().kind));
    }
    return http::Response::redirect(period_url(opened->code));
  });
  // Before …/{period}: the router takes the first pattern that fits.
  site.add(web::page(periods_url() + "/bieu-do", file), [&site, &reports](http::Request& r, web::Visitor& v) {
    const auto unit = r.query_param("don-vi").value_or("");
    const auto indicator = r.query_param("chi-tieu").value_or("");
    const auto period = r.query_param("ky").value_or("");
    if ((!unit.empty() && !units::is_unit_code(unit)) || indicator.size() > 40 || (!period.empty() && !standard_period(period)))
      return site.not_found_page(v);
    auto dashboard = reports.dashboard(*v.user, unit, indicator, period);
    if (!dashboard) return refused_page(site, v, dashboard.error(), "Biểu đồ số liệu PBGDPL");
    auto view = site.base_view(v, "Biểu đồ số liệu PBGDPL: " + dashboard->unit.name);
    view.update(dashboard_view(*dashboard));
    return site.page("stats/dashboard", view);
  });
  site.add(web::page(periods_url() + "/{period}", file), [&site, &reports, &uplink](http::Request& r, web::Visitor& v) {
    auto unit = r.query_param("don-vi").value_or("");
    if (!unit.empty() && !units::is_unit_code(unit)) return site.not_found_page(v);
    auto overview = reports.overview(*v.user, r.params["period"], unit, core::today_vn_iso());
    if (!overview) return refused_page(site, v, overview.error(), "Báo cáo thống kê PBGDPL");
    auto view = site.base_view(v, overview->period.name + ": tình hình báo cáo");
    view.update(overview_view(*overview));
    view["can_lock"] = perm::manage_reporting.allows(v.user->role) && !overview->period.locked_at;
    view["lock_url"] = period_url(overview->period.code) + "/khoa";
    const std::string scope = unit.empty() ? "" : "?don-vi=" + unit;
    view["csv_url"] = period_url(overview->period.code) + "/tong-hop.csv" + scope;
    view["xlsx_url"] = period_url(overview->period.code) + "/tong-hop.xlsx" + scope;
    view["dashboard_url"] = dashboard_url(unit, "", overview->period.code);
    // Sending upwards is the province's, done by its admins from the province's overview.
    if (perm::manage_reporting.allows(v.user->role) && overview->unit.code == reports.root_code()) {
      const auto dispatches = uplink.dispatches(overview->period.code);
      view["uplink"] = {{"enabled", uplink.enabled()},
                        {"destination", uplink.destination()},
                        {"send_url", period_url(overview->period.code) + "/gui"},
                        {"queued", r.query_param("da-gui-len").has_value()},
                        {"has_dispatches", !dispatches.empty()},
                        {"dispatches", dispatches_view(dispatches)}};
    }
    return site.page("stats/period", view);
  });
  // The period's figures and progress to take away, for the same units as the overview.
  for (const std::string extension : {"csv", "xlsx"}) {
    site.add(web::page(periods_url() + "/{period}/tong-hop." + extension, file), [&site, &reports, extension](http::Request& r, web::Visitor& v) {
      auto unit = r.query_param("don-vi").value_or("");
      if (!unit.empty() && !units::is_unit_code(unit)) return site.not_found_page(v);
      auto overview = reports.overview(*v.user, r.params["period"], unit, core::today_vn_iso());
      if (!overview) return refused_page(site, v, overview.error(), "Báo cáo thống kê PBGDPL");
      auto approved = reports.approved(overview->period.code, overview->unit.code);
      if (!approved) return refused_page(site, v, approved.error(), "Báo cáo thống kê PBGDPL");
      return web::tables_download(period_tables(*overview, *approved), extension,
                                  "bao-cao-pbgdpl-" + overview->period.code + "-" + overview->unit.code);
    });
  }
  // Before …/{unit}: "khoa" is not a unit code, but the router takes the first pattern that fits.
  site.add(web::form(periods_url() + "/{period}/khoa", manage), [&site, &reports, &uplink](http::Request& r, web::Visitor& v) {
    const auto now = core::now_unix();
    auto locked = reports.lock_period(r.params["period"], v.actor(), now);
    if (!locked) return refused_page(site, v, locked.error(), "Khóa kỳ báo cáo");
    // A locked period's figures are final: they go upwards at once when sending is configured
    // (and something was approved; otherwise there is nothing to send).
    const bool queued = uplink.enabled() && uplink.send(locked->code, v.actor(), now, true).has_value();
    return http::Response::redirect(period_url(locked->code) + (queued ? "?da-khoa=1&da-gui-len=1" : "?da-khoa=1"));
  });
  site.add(web::form(periods_url() + "/{period}/gui", manage), [&site, &uplink](http::Request& r, web::Visitor& v) {
    auto queued = uplink.send(r.params["period"], v.actor(), core::now_unix());
    if (!queued) return refused_page(site, v, queued.error(), "Gửi báo cáo lên cấp trên");
    return http::Response::redirect(period_url(r.params["period"]) + "?da-gui-len=1");
  });
}

// A unit's report: entering figures (form or spreadsheet), submitting, approving, sending back.
void register_unit_report_routes(web::Site& site, ReportService& reports) {
  const auto file = web::needs(perm::file_reports);
  site.add(web::page(periods_url() + "/{period}/{unit}", file), [&site, &reports](http::Request& r, web::Visitor& v) {
    if (!units::is_unit_code(r.params["unit"])) return site.not_found_page(v);
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-luu")) extra["saved"] = true;
    if (r.query_param("da-gui")) extra["sent"] = true;
    if (r.query_param("da-duyet")) extra["decided"] = true;
    if (r.query_param("da-nhap")) extra["imported"] = true;
    return report_page(site, reports, v, r.params["period"], r.params["unit"], {}, extra, 200);
  });
  site.add(web::form(periods_url() + "/{period}/{unit}", file), [&site, &reports](http::Request& r, web::Visitor& v) {
    const auto& period = r.params["period"];
    const auto& unit = r.params["unit"];
    if (!units::is_unit_code(unit)) return site.not_found_page(v);
    std::map<std::string, std::string> typed;
    for (const auto& [name, value] : v.form.fields)
      if (name.starts_with("f_") && name.size() <= 42) typed[name.substr(2)] = value;
    const bool submit = v.form.get("action") == "submit";
    auto version = version_of(v.form);
    if (!version) return report_page(site, reports, v, period, unit, typed, {{"error", "Biểu mẫu không hợp lệ: hãy tải lại trang."}}, 422);
    auto saved = reports.save(*v.user, v.actor(), period, unit, typed, v.form.get("note"), *version, submit, core::now_unix());
    if (!saved) {
      const auto& e = saved.error();
      if (e.kind == core::ErrorKind::not_found || e.kind == core::ErrorKind::forbidden) return refused_page(site, v, e, "Báo cáo thống kê PBGDPL");
      return report_page(site, reports, v, period, unit, typed, web::Site::refusal_view(e), core::http_status(e.kind));
    }
    return http::Response::redirect(report_url(period, unit) + (submit ? "?da-gui=1" : "?da-luu=1"));
  });
  // A unit's figures as a spreadsheet: the template, and a filled-in copy saved as a draft.
  site.add(web::page(periods_url() + "/{period}/{unit}/mau.xlsx", file), [&site, &reports](http::Request& r, web::Visitor& v) {
    if (!units::is_unit_code(r.params["unit"])) return site.not_found_page(v);
    auto form = reports.form(*v.user, r.params["period"], r.params["unit"]);
    if (!form) return refused_page(site, v, form.error(), "Báo cáo thống kê PBGDPL");
    return web::tables_download(report_sheet(*form), "xlsx", "mau-bao-cao-pbgdpl-" + form->period.code + "-" + form->unit.code);
  });
  site.add(web::upload(periods_url() + "/{period}/{unit}/nhap", file, kMaxSheetBytes + 64 * 1024), [&site, &reports](http::Request& r, web::Visitor& v) {
    const auto& period = r.params["period"];
    const auto& unit = r.params["unit"];
    if (!units::is_unit_code(unit)) return site.not_found_page(v);
    auto refuse = [&](nlohmann::json extra) { return report_page(site, reports, v, period, unit, {}, extra, 422); };
    auto version = version_of(v.form);
    if (!version) return refuse({{"error", "Biểu mẫu không hợp lệ: hãy tải lại trang."}});
    const auto* upload = v.form.file("tep");
    if (!upload) return refuse({{"error", "Hãy chọn tệp Excel (.xlsx) đã điền số liệu."}});
    if (upload->data.size() > kMaxSheetBytes) return refuse({{"error", "Tệp lớn hơn 2 MB: đây không phải tệp mẫu số liệu."}});
    auto sheets = core::read_xlsx(upload->data, {.max_part_bytes = 8 << 20, .max_total_bytes = 16 << 20, .max_cells = 50'000});
    if (!sheets) return refuse({{"error", core::xlsx_failure_message(sheets.error())}});
    auto read = read_report_sheet(*sheets, reports.indicators());
    if (!read.problems.empty())
      return refuse({{"error", "Tệp có lỗi nên chưa nhập số liệu nào. Sửa các lỗi dưới đây rồi nhập lại."}, {"import_problems", read.problems}, {"has_import_problems", true}});
    // The note stays as it was: the sheet carries figures only.
    auto form = reports.form(*v.user, period, unit);
    const std::string note = form && form->report ? form->report->note : "";
    auto saved = reports.save(*v.user, v.actor(), period, unit, read.typed, note, *version, false, core::now_unix());
    if (!saved) {
      const auto& e = saved.error();
      if (e.kind == core::ErrorKind::not_found || e.kind == core::ErrorKind::forbidden) return refused_page(site, v, e, "Báo cáo thống kê PBGDPL");
      return report_page(site, reports, v, period, unit, read.typed, web::Site::refusal_view(e), core::http_status(e.kind));
    }
    return http::Response::redirect(report_url(period, unit) + "?da-nhap=1");
  });
  for (const std::string step : {"duyet", "tra-lai"}) {
    site.add(web::form(periods_url() + "/{period}/{unit}/" + step, file), [&site, &reports, step](http::Request& r, web::Visitor& v) {
      const auto& period = r.params["period"];
      const auto& unit = r.params["unit"];
      if (!units::is_unit_code(unit)) return site.not_found_page(v);
      auto version = version_of(v.form);
      if (!version) return report_page(site, reports, v, period, unit, {}, {{"error", "Biểu mẫu không hợp lệ: hãy tải lại trang."}}, 422);
      const auto now = core::now_unix();
      auto done = step == "duyet" ? reports.approve(*v.user, v.actor(), period, unit, *version, now)
                                  : reports.send_back(*v.user, v.actor(), period, unit, *version, v.form.get("reason"), now);
      if (!done) {
        const auto& e = done.error();
        if (e.kind == core::ErrorKind::not_found || e.kind == core::ErrorKind::forbidden) return refused_page(site, v, e, "Báo cáo thống kê PBGDPL");
        auto extra = web::Site::refusal_view(e);
        extra["reason"] = v.form.get("reason");
        return report_page(site, reports, v, period, unit, {}, extra, core::http_status(e.kind));
      }
      return http::Response::redirect(report_url(period, unit) + "?da-duyet=1");
    });
  }
}

}  // namespace

void register_report_routes(web::Site& site, ReportService& reports, UplinkService& uplink, db::Database& database) {
  register_period_routes(site, reports, uplink);
  register_unit_report_routes(site, reports);
  site.add(web::api("GET", "/api/v1/stats/units"), [&reports](http::Request&, web::Visitor&) {
    auto tree = reports.tree();
    if (tree.empty()) return web::Site::api_error(503, "province_not_configured", "Chưa chọn tỉnh, thành phố (PHOBIEN_PROVINCE) hoặc chưa nhập danh mục đơn vị.");
    auto response = http::Response::json(unit_tree_json(tree, tree.root().code).dump());
    response.set("Cache-Control", "public, max-age=300");
    return response;
  });
  site.add(web::api("GET", "/api/v1/stats/reports"), [&reports, &database](http::Request& r, web::Visitor&) { return reports_api(reports, database, r); });
}

}  // namespace stats
