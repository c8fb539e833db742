#include "stats/views.h"

#include "core/time.h"

#include <cmath>

namespace stats {

namespace {

std::string hours_text(const std::optional<double>& h) { return h ? decimal_text(*h) + " giờ" : "—"; }

nlohmann::json optional_json(const std::optional<double>& v) { return v ? nlohmann::json(round_hundredths(*v)) : nlohmann::json(); }

nlohmann::json status_counts(const std::vector<std::int64_t>& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (std::size_t i = 0; i < counts.size(); ++i) j[std::string(consult::status_slug(consult::all_statuses()[i]))] = counts[i];
  return j;
}

}  // namespace

nlohmann::json consultation_api_view(const ConsultationFigures& s, const PeriodChoice& p) {
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
                       {"status", std::string(consult::status_slug(q.status))},
                       {"expert", q.expert_name.empty() ? nlohmann::json() : nlohmann::json(q.expert_name)},
                       {"created_at", core::format_rfc3339(q.created_at)},
                       {"due_at", core::format_rfc3339(q.due_at)},
                       {"hours_late", round_hundredths(q.hours_late)}});
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

nlohmann::json consultation_page_view(const ConsultationFigures& s, const PeriodChoice& p, const std::string& page_path,
                                      bool link_questions) {
  nlohmann::json v;
  std::string query = "?tu=" + p.from_date + "&den=" + p.to_date;
  v["period_label"] = core::format_vn_date(s.period.from) + " – " + core::format_vn_date(s.period.to - 1);
  v["csv_url"] = page_path + ".csv" + query;
  v["xlsx_url"] = page_path + ".xlsx" + query;
  v["api_url"] = "/api/v1/stats/consultation?from=" + p.from_date + "&to=" + p.to_date;
  v["received"] = s.received;
  v["answered"] = s.answered;
  v["median"] = hours_text(s.answer_times.median_hours);
  v["p90"] = hours_text(s.answer_times.p90_hours);
  v["useful"] = s.ratings.useful;
  v["not_useful"] = s.ratings.not_useful;
  v["useful_share"] = s.ratings.useful_share ? decimal_text(*s.ratings.useful_share * 100) + "%" : "—";
  v["imported"] = s.imported;
  v["has_imported"] = s.imported > 0;
  v["statuses"] = nlohmann::json::array();
  for (consult::Status st : consult::all_statuses()) v["statuses"].push_back({{"label", std::string(consult::status_label(st))}});
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
                          {"status", std::string(consult::status_label(q.status))},
                          {"expert", q.expert_name.empty() ? std::string("Chưa phân công") : q.expert_name},
                          {"due", core::format_vn_datetime(q.due_at)},
                          {"late", q.hours_late < 48 ? decimal_text(q.hours_late) + " giờ" : decimal_text(q.hours_late / 24) + " ngày"}};
    if (link_questions) row["url"] = "/quan-tri/tu-van/" + std::to_string(q.id);
    v["overdue"].push_back(row);
  }
  v["has_overdue"] = !s.overdue.empty();
  v["overdue_total"] = s.overdue_total;
  v["overdue_more"] = s.overdue_total > static_cast<std::int64_t>(s.overdue.size());
  v["overdue_listed"] = s.overdue.size();
  return v;
}

}  // namespace stats
