#include "answer/review_routes.h"

#include "answer/permissions.h"
#include "core/time.h"

#include <nlohmann/json.hpp>

namespace answer {

namespace {

// "2026-12": a month of a plausible year.
bool is_month(const std::string& s) {
  return s.size() == 7 && s[4] == '-' && std::all_of(s.begin(), s.begin() + 4, ::isdigit) && std::isdigit(static_cast<unsigned char>(s[5])) &&
         std::isdigit(static_cast<unsigned char>(s[6])) && s.substr(5) >= "01" && s.substr(5) <= "12" && s >= "2000-01" && s <= "2100-12";
}

std::string months_before(const std::string& month, int n) {
  int year = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5)) - n;
  while (m < 1) m += 12, --year;
  char out[8];
  std::snprintf(out, sizeof out, "%04d-%02d", year, m);
  return out;
}

nlohmann::json tallies(const std::vector<ReviewTally>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : rows) out.push_back({{"key", t.key}, {"recorded", t.recorded}, {"unsure", t.unsure}, {"yes", t.yes}, {"no", t.no}});
  return out;
}

}  // namespace

void register_review_routes(web::Site& site, AnswerReviews& reviews) {
  site.add(web::page("/quan-tri/hoi-dap-tu-dong", web::needs(perm::review_answers)), [&](http::Request& r, web::Visitor& v) {
    const auto now = core::today_vn_iso().substr(0, 7);
    const auto to = r.query_param("den").value_or(now), from = r.query_param("tu").value_or(months_before(to.size() == 7 ? to : now, 5));
    auto view = site.base_view(v, "Hỏi đáp tự động: câu hỏi chưa được trả lời tốt");
    if (!is_month(from) || !is_month(to) || from > to) {
      view["error"] = "Tháng phải ghi dạng năm-tháng (ví dụ 2026-07), tháng đầu không sau tháng cuối.";
      view["tu"] = months_before(now, 5);
      view["den"] = now;
      return site.page("answer/reviews", view, 400);
    }
    const auto report = reviews.report(from, to);
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : report.groups)
      groups.push_back({{"question", g.question}, {"count", g.count}, {"unsure", g.unsure}, {"handoff", g.handoff},
                        {"clarify", g.clarify}, {"no", g.no}, {"cited", g.cited}});
    view["tu"] = from;
    view["den"] = to;
    view["groups"] = groups;
    view["has_groups"] = !groups.empty();
    view["by_month"] = tallies(report.by_month);
    view["by_field"] = tallies(report.by_field);
    view["by_missing"] = tallies(report.by_missing);
    view["has_missing"] = !report.by_missing.empty();
    view["has_tallies"] = !report.by_month.empty();
    return site.page("answer/reviews", view);
  });
}

}  // namespace answer
