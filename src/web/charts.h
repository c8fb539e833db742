#pragma once
// Charts drawn on the server as inline SVG, for pages that must work without JavaScript. Each
// chart is a picture (role="img") whose accessible name says what it shows and that the figures
// are in the table beside it: a page always pairs a chart with a table of the same figures.
// Sizes are in CSS pixels and percentages of the page's width, never a scaled viewBox, so text
// stays legible on a 360 px phone. Colours come from site.css (.chart-*), so forced-colour and
// print styles apply.
#include <cstdint>
#include <string>
#include <vector>

namespace web {

struct ChartBar {
  std::string label;      // shown as is (escaped here)
  std::int64_t value = 0;  // not negative
  std::string value_text;  // the value as the page writes it ("1.200")
};

// One horizontal bar per item, its label above it and its value at its end: for comparing units
// (long names fit). `name` is the chart's accessible name.
std::string horizontal_bar_chart(const std::string& name, const std::vector<ChartBar>& bars);

// One column per item, left to right, labels below: for a trend over periods. At most
// `max_columns` of the last items are drawn (the table has them all).
std::string column_chart(const std::string& name, const std::vector<ChartBar>& bars, std::size_t max_columns = 6);

}  // namespace web
