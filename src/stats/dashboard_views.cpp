#include "stats/dashboard_views.h"

#include "stats/period.h"
#include "web/charts.h"

#include <fmt/format.h>

#include <algorithm>

namespace stats {

namespace {

constexpr std::size_t kRankedUnits = 15;

std::int64_t figure_of(const RollUp& r, const std::string& code) {
  auto it = r.totals.find(code);
  return it == r.totals.end() ? 0 : it->second;
}

}  // namespace

std::string dashboard_url(const std::string& unit, const std::string& indicator, const std::string& period) {
  std::string query;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) query += (query.empty() ? "?" : "&") + std::string(name) + "=" + value;  // codes: nothing to escape
  };
  add("don-vi", unit);
  add("chi-tieu", indicator);
  add("ky", period);
  return "/quan-tri/bao-cao/bieu-do" + query;
}

nlohmann::json dashboard_view(const Dashboard& d) {
  const auto& code = d.indicator.code;
  nlohmann::json indicators = nlohmann::json::array();
  for (const auto& i : d.indicators) indicators.push_back({{"code", i.code}, {"name", i.name}, {"selected", i.code == code}});
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& p : d.periods) periods.push_back({{"code", p.code}, {"name", p.name}, {"selected", p.code == d.period.code}});

  std::vector<web::ChartBar> unit_bars;
  nlohmann::json below = nlohmann::json::array();
  for (const auto& [unit, rolled] : d.below) {
    const auto value = figure_of(rolled, code);
    unit_bars.push_back({unit.name, value, count_text(value)});
    below.push_back({{"name", unit.name},
                     {"url", dashboard_url(unit.code, code, d.period.code)},
                     {"value", count_text(value)},
                     {"coverage", fmt::format("{}/{}", rolled.approved, rolled.units)}});
  }
  std::vector<web::ChartBar> trend_bars;
  nlohmann::json trend = nlohmann::json::array();
  for (const auto& [period, rolled] : d.trend) {
    const auto value = figure_of(rolled, code);
    trend_bars.push_back({period.code, value, count_text(value)});
    trend.push_back({{"name", period.name}, {"code", period.code}, {"value", count_text(value)},
                     {"coverage", fmt::format("{}/{}", rolled.approved, rolled.units)}});
  }
  const auto what = fmt::format("{} ({})", d.indicator.name, d.indicator.measure);
  nlohmann::json out = {
      {"unit", {{"code", d.unit.code}, {"name", d.unit.name}}},
      {"indicator", {{"code", code}, {"name", d.indicator.name}, {"measure", d.indicator.measure}}},
      {"period", {{"code", d.period.code}, {"name", d.period.name}}},
      {"indicators", indicators},
      {"periods", periods},
      {"total", count_text(figure_of(d.total, code))},
      {"coverage", fmt::format("{}/{}", d.total.approved, d.total.units)},
      {"has_below", !below.empty()},
      {"below", below},
      {"trend", trend},
      {"trend_chart", web::column_chart(fmt::format("Biểu đồ cột: {} của {} qua các kỳ báo cáo. Số liệu ở bảng dưới biểu đồ.", what, d.unit.name),
                                        trend_bars)},
      {"overview_url", fmt::format("/quan-tri/bao-cao/{}{}", d.period.code, d.unit.code.empty() ? "" : "?don-vi=" + d.unit.code)}};
  // The chart ranks the units with figures, largest first, at most kRankedUnits of them (a
  // province has dozens of communes); the table lists every unit in the tree's order.
  std::stable_sort(unit_bars.begin(), unit_bars.end(), [](const auto& a, const auto& b) { return a.value > b.value; });
  while (!unit_bars.empty() && (unit_bars.back().value == 0 || unit_bars.size() > kRankedUnits)) unit_bars.pop_back();
  if (!unit_bars.empty())
    out["unit_chart"] = web::horizontal_bar_chart(
        fmt::format("Biểu đồ thanh: {}, {} đơn vị trực thuộc {} có số liệu lớn nhất, {}. Số liệu của mọi đơn vị ở bảng dưới biểu đồ.", what,
                    unit_bars.size(), d.unit.name, d.period.name),
        unit_bars);
  return out;
}

}  // namespace stats
