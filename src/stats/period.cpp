#include "stats/period.h"

#include "core/time.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace stats {

namespace {

constexpr std::int64_t kDay = 24 * 3600;

std::optional<std::string> present(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  return s;
}

}  // namespace

std::variant<PeriodChoice, std::string> choose_period(const std::optional<std::string>& from_text,
                                                      const std::optional<std::string>& to_text, std::int64_t now) {
  const std::string today = core::format_vn_iso_date(now);
  PeriodChoice p;
  p.from_date = present(from_text).value_or(today.substr(0, 4) + "-01-01");
  p.to_date = present(to_text).value_or(today);
  auto from = core::parse_vn_iso_date(p.from_date);
  if (!from) return fmt::format("Ngày bắt đầu «{}» không hợp lệ: hãy ghi theo dạng năm-tháng-ngày, ví dụ 2026-01-31.", p.from_date);
  auto to = core::parse_vn_iso_date(p.to_date);
  if (!to) return fmt::format("Ngày kết thúc «{}» không hợp lệ: hãy ghi theo dạng năm-tháng-ngày, ví dụ 2026-12-31.", p.to_date);
  if (*to < *from) return std::string("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.");
  p.period = {*from, *to + kDay};
  return p;
}

double round_hundredths(double v) { return std::round(v * 100) / 100; }

std::string decimal_text(double v) {
  auto s = fmt::format("{:.1f}", v);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string count_text(std::int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

}  // namespace stats
