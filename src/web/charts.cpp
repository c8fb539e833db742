#include "web/charts.h"

#include "core/html.h"

#include <fmt/format.h>

#include <algorithm>

namespace web {

namespace {

std::int64_t largest(const std::vector<ChartBar>& bars) {
  std::int64_t top = 0;
  for (const auto& b : bars) top = std::max(top, b.value);
  return top;
}

// Percent of the largest value, with two decimals, so "0.00" for nothing at all.
double share(std::int64_t value, std::int64_t top) { return top <= 0 ? 0.0 : 100.0 * static_cast<double>(value) / static_cast<double>(top); }

std::string open_svg(const std::string& name, int height) {
  return fmt::format(R"(<svg class="chart" role="img" aria-label="{}" width="100%" height="{}" xmlns="http://www.w3.org/2000/svg">)",
                     core::html_escape(name), height);
}

}  // namespace

std::string horizontal_bar_chart(const std::string& name, const std::vector<ChartBar>& bars) {
  constexpr int kRow = 46, kLabel = 16, kBar = 18;
  const auto top = largest(bars);
  std::string out = open_svg(name, std::max<int>(kRow, static_cast<int>(bars.size()) * kRow));
  int y = 0;
  for (const auto& b : bars) {
    const double pct = share(b.value, top) * 0.8;  // the last fifth keeps room for the value
    out += fmt::format(R"(<text class="chart-label" x="0" y="{}">{}</text>)", y + kLabel - 2, core::html_escape(b.label));
    if (b.value > 0) out += fmt::format(R"(<rect class="chart-bar" x="0" y="{}" width="{:.2f}%" height="{}"></rect>)", y + kLabel + 2, pct, kBar);
    out += fmt::format(R"(<text class="chart-value" x="{:.2f}%" dx="{}" y="{}">{}</text>)", pct, b.value > 0 ? 6 : 0, y + kLabel + kBar - 2,
                       core::html_escape(b.value_text));
    y += kRow;
  }
  return out + "</svg>";
}

std::string column_chart(const std::string& name, const std::vector<ChartBar>& all, std::size_t max_columns) {
  constexpr int kPlot = 160, kTop = 22, kAxis = 24;
  const std::vector<ChartBar> bars(all.size() > max_columns ? all.end() - static_cast<std::ptrdiff_t>(max_columns) : all.begin(), all.end());
  const auto top = largest(bars);
  const double slot = bars.empty() ? 100.0 : 100.0 / static_cast<double>(bars.size());
  std::string out = open_svg(name, kTop + kPlot + kAxis);
  out += fmt::format(R"(<line class="chart-axis" x1="0" x2="100%" y1="{0}" y2="{0}"></line>)", kTop + kPlot);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const int h = static_cast<int>(share(b.value, top) / 100.0 * kPlot + 0.5);
    const double left = slot * static_cast<double>(i) + slot * 0.2, middle = slot * (static_cast<double>(i) + 0.5);
    if (h > 0) out += fmt::format(R"(<rect class="chart-bar" x="{:.2f}%" y="{}" width="{:.2f}%" height="{}"></rect>)", left, kTop + kPlot - h, slot * 0.6, h);
    out += fmt::format(R"(<text class="chart-value" x="{:.2f}%" y="{}" text-anchor="middle">{}</text>)", middle, kTop + kPlot - h - 6,
                       core::html_escape(b.value_text));
    out += fmt::format(R"(<text class="chart-label" x="{:.2f}%" y="{}" text-anchor="middle">{}</text>)", middle, kTop + kPlot + kAxis - 6,
                       core::html_escape(b.label));
  }
  return out + "</svg>";
}

}  // namespace web
