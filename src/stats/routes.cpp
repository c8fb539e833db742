#include "stats/routes.h"

#include "consult/permissions.h"
#include "core/spreadsheet.h"
#include "core/time.h"
#include "stats/permissions.h"
#include "stats/views.h"
#include "web/download.h"

#include <fmt/format.h>

namespace stats {

namespace {

constexpr const char* kPagePath = "/quan-tri/tu-van/thong-ke";

// The export's name, without its extension.
std::string export_name(const PeriodChoice& p) { return fmt::format("thong-ke-tu-van-{}-{}", p.from_date, p.to_date); }

}  // namespace

void register_statistics_routes(web::Site& site, StatisticsService& statistics) {
  auto compute = [&statistics](const PeriodChoice& p) { return statistics.consultation(p.period, core::now_unix()); };
  // The page, and the same figures as a download: `extension` is "" for the page.
  auto serve = [&site, compute](http::Request& r, web::Visitor& v, const std::string& extension) {
    auto choice = choose_period(r.query_param("tu"), r.query_param("den"), core::now_unix());
    auto view = site.base_view(v, "Thống kê tư vấn pháp luật");
    if (auto* error = std::get_if<std::string>(&choice)) {
      view["error"] = *error;
      view["tu"] = r.query_param("tu").value_or("");
      view["den"] = r.query_param("den").value_or("");
      return site.page("stats/consultation", view, 400);
    }
    const auto& p = std::get<PeriodChoice>(choice);
    auto stats = compute(p);
    if (!extension.empty()) return web::tables_download(consultation_tables(stats), extension, export_name(p));
    view.update(consultation_page_view(stats, p, kPagePath, consult::perm::moderate_questions.allows(v.user->role)));
    view["tu"] = p.from_date;
    view["den"] = p.to_date;
    view["has_stats"] = true;
    return site.page("stats/consultation", view);
  };
  site.add(web::page(kPagePath, web::needs(perm::view_stats)), [serve](http::Request& r, web::Visitor& v) { return serve(r, v, ""); });
  site.add(web::page(std::string(kPagePath) + ".csv", web::needs(perm::view_stats)), [serve](http::Request& r, web::Visitor& v) { return serve(r, v, "csv"); });
  site.add(web::page(std::string(kPagePath) + ".xlsx", web::needs(perm::view_stats)), [serve](http::Request& r, web::Visitor& v) { return serve(r, v, "xlsx"); });

  // Session-authenticated like the back office (the pb_session cookie): 401 without it, 403
  // for a role without the right.
  site.add(web::api("GET", "/api/v1/stats/consultation", web::needs(perm::view_stats)), [compute](http::Request& r, web::Visitor&) {
    auto choice = choose_period(r.query_param("from"), r.query_param("to"), core::now_unix());
    if (auto* error = std::get_if<std::string>(&choice)) return web::Site::api_error(400, "invalid_parameter", *error);
    const auto& p = std::get<PeriodChoice>(choice);
    return web::private_json(consultation_api_view(compute(p), p));
  });
}

}  // namespace stats
