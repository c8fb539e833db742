#include "consult/stats_routes.h"

#include "consult/permissions.h"

#include "core/spreadsheet.h"
#include "core/time.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace consult {

namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr const char* kPagePath = "/quan-tri/tu-van/thong-ke";
constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";


// "2026-11-29" → midnight of that day in Vietnam time; only that exact shape is a date.
std::optional<std::int64_t> parse_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  return core::parse_vn_datetime_local(s + "T00:00");
}

std::string iso_date(std::int64_t t) { return core::format_vn_datetime_local(t).substr(0, 10); }

std::optional<std::string> present(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  return s;
}

// Vietnamese writes a decimal comma: 26,5.
std::string decimal(double v) {
  auto s = fmt::format("{:.1f}", v);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string hours_text(const std::optional<double>& h) { return h ? decimal(*h) + " giờ" : "—"; }

double round2(double v) { return std::round(v * 100) / 100; }

nlohmann::json optional_json(const std::optional<double>& v) { return v ? nlohmann::json(round2(*v)) : nlohmann::json(); }

nlohmann::json status_counts(const std::vector<std::int64_t>& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (std::size_t i = 0; i < counts.size(); ++i) j[std::string(status_slug(all_statuses()[i]))] = counts[i];
  return j;
}

nlohmann::json api_view(const ConsultStats& s, const PeriodChoice& p) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : s.fields)
    fields.push_back({{"field", f.slug.empty() ? nlohmann::json() : nlohmann::json(f.slug)},
                      {"name", f.name},
                      {"total", f.total},
                      {"by_status", status_counts(f.by_status)}});
  nlohmann::json experts = nlohmann::json::array();
  for (const auto& e : s.experts)
    experts.push_back({{"id", std::to_string(e.expert_id)},
                       {"name", e.name},
                       {"organisation", e.organisation},
                       {"open", e.open},
                       {"capacity", e.capacity},
                       {"answered", e.answered},
                       {"accepting", e.available && e.verified}});
  nlohmann::json overdue = nlohmann::json::array();
  for (const auto& q : s.overdue)
    overdue.push_back({{"id", std::to_string(q.id)},
                       {"code", q.code},
                       {"field", q.field_name.empty() ? nlohmann::json() : nlohmann::json(q.field_name)},
                       {"status", std::string(status_slug(q.status))},
                       {"expert", q.expert_name.empty() ? nlohmann::json() : nlohmann::json(q.expert_name)},
                       {"created_at", core::format_rfc3339(q.created_at)},
                       {"due_at", core::format_rfc3339(q.due_at)},
                       {"hours_late", round2(q.hours_late)}});
  return {{"period", {{"from", p.from_date}, {"to", p.to_date}, {"timezone", "Asia/Ho_Chi_Minh"}}},
          {"generated_at", core::format_rfc3339(s.now)},
          {"received", s.received},
          {"by_status", status_counts(s.status_totals)},
          {"by_field", fields},
          {"answered", s.answered},
          {"answer_time_hours",
           {{"count", s.answer_times.count},
            {"median", optional_json(s.answer_times.median_hours)},
            {"p90", optional_json(s.answer_times.p90_hours)},
            {"method", "nearest-rank"}}},
          {"ratings",
           {{"useful", s.ratings.useful},
            {"not_useful", s.ratings.not_useful},
            {"useful_share", optional_json(s.ratings.useful_share)}}},
          {"experts", experts},
          {"overdue", {{"total", s.overdue_total}, {"items", overdue}}},
          {"imported", s.imported}};
}

nlohmann::json page_view(const ConsultStats& s, const PeriodChoice& p, bool link_questions) {
  nlohmann::json v;
  std::string query = "?tu=" + p.from_date + "&den=" + p.to_date;
  v["period_label"] = core::format_vn_date(s.period.from) + " – " + core::format_vn_date(s.period.to - 1);
  v["csv_url"] = std::string(kPagePath) + ".csv" + query;
  v["xlsx_url"] = std::string(kPagePath) + ".xlsx" + query;
  v["api_url"] = "/api/v1/stats/consultation?from=" + p.from_date + "&to=" + p.to_date;
  v["received"] = s.received;
  v["answered"] = s.answered;
  v["median"] = hours_text(s.answer_times.median_hours);
  v["p90"] = hours_text(s.answer_times.p90_hours);
  v["useful"] = s.ratings.useful;
  v["not_useful"] = s.ratings.not_useful;
  v["useful_share"] = s.ratings.useful_share ? decimal(*s.ratings.useful_share * 100) + "%" : "—";
  v["imported"] = s.imported;
  v["has_imported"] = s.imported > 0;
  v["statuses"] = nlohmann::json::array();
  for (Status st : all_statuses()) v["statuses"].push_back({{"label", std::string(status_label(st))}});
  v["fields"] = nlohmann::json::array();
  for (const auto& f : s.fields) v["fields"].push_back({{"name", f.name}, {"counts", f.by_status}, {"total", f.total}});
  v["totals"] = {{"counts", s.status_totals}, {"total", s.received}};
  v["experts"] = nlohmann::json::array();
  for (const auto& e : s.experts)
    v["experts"].push_back({{"name", e.name},
                            {"organisation", e.organisation},
                            {"open", e.open},
                            {"capacity", e.capacity},
                            {"full", e.open >= e.capacity},
                            {"answered", e.answered},
                            {"accepting", e.available && e.verified}});
  v["has_experts"] = !s.experts.empty();
  v["overdue"] = nlohmann::json::array();
  for (const auto& q : s.overdue) {
    nlohmann::json row = {{"code", q.code},
                          {"field", q.field_name.empty() ? std::string(kUnclassifiedLabel) : q.field_name},
                          {"status", std::string(status_label(q.status))},
                          {"expert", q.expert_name.empty() ? std::string("Chưa phân công") : q.expert_name},
                          {"due", core::format_vn_datetime(q.due_at)},
                          {"late", q.hours_late < 48 ? decimal(q.hours_late) + " giờ" : decimal(q.hours_late / 24) + " ngày"}};
    if (link_questions) row["url"] = "/quan-tri/tu-van/" + std::to_string(q.id);
    v["overdue"].push_back(row);
  }
  v["has_overdue"] = !s.overdue.empty();
  v["overdue_total"] = s.overdue_total;
  v["overdue_more"] = s.overdue_total > static_cast<std::int64_t>(s.overdue.size());
  v["overdue_listed"] = s.overdue.size();
  return v;
}

std::string export_name(const PeriodChoice& p, const char* extension) {
  return fmt::format("thong-ke-tu-van-{}-{}.{}", p.from_date, p.to_date, extension);
}

http::Response attachment(std::string body, const std::string& content_type, const std::string& filename) {
  auto r = http::Response::text(std::move(body), 200, content_type);
  r.set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.set("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

std::variant<PeriodChoice, std::string> choose_period(const std::optional<std::string>& from_text,
                                                      const std::optional<std::string>& to_text, std::int64_t now) {
  const std::string today = iso_date(now);
  PeriodChoice p;
  p.from_date = present(from_text).value_or(today.substr(0, 4) + "-01-01");
  p.to_date = present(to_text).value_or(today);
  auto from = parse_date(p.from_date);
  if (!from) return fmt::format("Ngày bắt đầu «{}» không hợp lệ: hãy ghi theo dạng năm-tháng-ngày, ví dụ 2026-01-31.", p.from_date);
  auto to = parse_date(p.to_date);
  if (!to) return fmt::format("Ngày kết thúc «{}» không hợp lệ: hãy ghi theo dạng năm-tháng-ngày, ví dụ 2026-12-31.", p.to_date);
  if (*to < *from) return std::string("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.");
  p.period = {*from, *to + kDay};
  return p;
}

void register_consult_stats_routes(web::Site& site, db::Database& database) {
  auto compute = [&database](const PeriodChoice& p) {
    auto c = database.acquire();
    return compute_stats(*c, p.period, core::now_unix());
  };
  // The page, and the same figures as a download: `extension` is "" for the page.
  auto serve = [&site, compute](http::Request& r, web::Visitor& v, const std::string& extension) {
    auto choice = choose_period(r.query_param("tu"), r.query_param("den"), core::now_unix());
    auto view = site.base_view(v, "Thống kê tư vấn pháp luật");
    if (auto* error = std::get_if<std::string>(&choice)) {
      view["error"] = *error;
      view["tu"] = r.query_param("tu").value_or("");
      view["den"] = r.query_param("den").value_or("");
      return site.page("consult/stats", view, 400);
    }
    const auto& p = std::get<PeriodChoice>(choice);
    auto stats = compute(p);
    if (extension == "csv")
      return attachment(core::to_csv(stats_tables(stats)), "text/csv; charset=utf-8", export_name(p, "csv"));
    if (extension == "xlsx") return attachment(core::to_xlsx(stats_tables(stats)), kXlsxType, export_name(p, "xlsx"));
    view.update(page_view(stats, p, perm::moderate_questions.allows(v.user->role)));
    view["tu"] = p.from_date;
    view["den"] = p.to_date;
    view["has_stats"] = true;
    return site.page("consult/stats", view);
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
    auto response = http::Response::json(api_view(compute(p), p).dump());
    response.set("Cache-Control", "private, no-store");
    return response;
  });
}

}  // namespace consult
