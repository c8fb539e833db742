#pragma once
// The period a statistic covers, chosen by two dates "YYYY-MM-DD" (inclusive, Vietnam time), and
// how figures are written in Vietnamese. Shared by every source of figures.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace stats {

struct Period {
  std::int64_t from = 0;  // inclusive, Unix seconds
  std::int64_t to = 0;    // exclusive
};

struct PeriodChoice {
  Period period;
  std::string from_date;  // "2026-01-01"
  std::string to_date;    // "2026-11-29", inclusive
};

// An absent or empty date defaults to the current year to date (at `now`). A Vietnamese message
// when a date is malformed or the two are out of order.
std::variant<PeriodChoice, std::string> choose_period(const std::optional<std::string>& from,
                                                      const std::optional<std::string>& to, std::int64_t now);

// 26.456 → 26.46: how figures leave in JSON and spreadsheets.
double round_hundredths(double v);

// 26.5 → "26,5" (one decimal, Vietnamese decimal comma).
std::string decimal_text(double v);

// 1200000 → "1.200.000" (thousands grouped with dots, as Vietnamese writes them).
std::string count_text(std::int64_t v);

}  // namespace stats
