// The server-drawn charts: named for screen readers, labels escaped, bars in proportion to the
// largest value, nothing drawn for zero, and a trend limited to its last columns.
#include "web/charts.h"

#include <gtest/gtest.h>

#include <regex>

namespace web {
namespace {

std::vector<std::string> all(const std::string& svg, const std::string& pattern) {
  std::vector<std::string> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it) out.push_back((*it)[1]);
  return out;
}

TEST(Charts, BarsAreNamedEscapedAndInProportion) {
  auto svg = horizontal_bar_chart("Số cuộc <theo> đơn vị", {{"Xã \"Một\" & Hai", 50, "50"}, {"Phường Thuận Hóa", 100, "100"}, {"Xã Ba", 0, "0"}});
  EXPECT_EQ(svg.rfind(R"(<svg class="chart" role="img" aria-label="Số cuộc &lt;theo&gt; đơn vị")", 0), 0u);
  EXPECT_NE(svg.find("Xã &quot;Một&quot; &amp; Hai"), std::string::npos);
  EXPECT_EQ(svg.find("<theo>"), std::string::npos);
  // The largest bar takes 80% of the width (the rest keeps room for its value); zero draws no bar.
  EXPECT_EQ(all(svg, R"re(<rect class="chart-bar" x="0" y="\d+" width="([0-9.]+)%")re"), (std::vector<std::string>{"40.00", "80.00"}));
  EXPECT_EQ(all(svg, R"(<text class="chart-value"[^>]*>([^<]*)<)"), (std::vector<std::string>{"50", "100", "0"}));
  EXPECT_NE(svg.find(R"(height="138")"), std::string::npos);  // three rows of 46 px
}

TEST(Charts, AnEmptyOrAllZeroChartStillDrawsAndDividesByNothing) {
  auto svg = horizontal_bar_chart("Không có số liệu", {{"Xã Một", 0, "0"}});
  EXPECT_EQ(svg.find("<rect"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_NE(column_chart("Trống", {}).find("</svg>"), std::string::npos);
}

TEST(Charts, ATrendShowsItsLastColumnsInOrder) {
  std::vector<ChartBar> bars;
  for (int year = 2019; year <= 2026; ++year) bars.push_back({std::to_string(year), year - 2018, std::to_string(year - 2018)});
  auto svg = column_chart("Xu hướng", bars, 6);
  EXPECT_EQ(all(svg, R"(<text class="chart-label"[^>]*>([^<]*)<)"),
            (std::vector<std::string>{"2021", "2022", "2023", "2024", "2025", "2026"}));
  // Heights in proportion to the largest of those shown (8 → the full 160 px).
  auto heights = all(svg, R"re(<rect class="chart-bar"[^>]* height="(\d+)")re");
  ASSERT_EQ(heights.size(), 6u);
  EXPECT_EQ(heights.front(), "60");
  EXPECT_EQ(heights.back(), "160");
}

}  // namespace
}  // namespace web
