#pragma once
// Times are stored as Unix seconds (UTC) in both databases; pages show Vietnam time (UTC+7, no DST).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

std::int64_t now_unix();
// Milliseconds since the epoch: for the clocks that rank (a contest attempt's time taken).
std::int64_t now_unix_ms();

// "28/11/2026 16:05" in Vietnam time.
std::string format_vn_datetime(std::int64_t unix_seconds);
// "28/11/2026".
std::string format_vn_date(std::int64_t unix_seconds);
// A duration in Vietnamese: "1 giờ 02 phút 05 giây", "12 phút 05 giây", "8,4 giây".
std::string format_vn_duration(std::int64_t milliseconds);
// RFC 3339 in UTC, for Atom, sitemaps and the API: "2026-11-28T09:05:00Z".
std::string format_rfc3339(std::int64_t unix_seconds);
// RFC 822, for RSS: "Sat, 28 Nov 2026 09:05:00 GMT".
std::string format_rfc822(std::int64_t unix_seconds);
// Parses the value of an HTML datetime-local input ("2026-11-28T16:05"), read as Vietnam time.
std::optional<std::int64_t> parse_vn_datetime_local(std::string_view s);
// The inverse of parse_vn_datetime_local, to refill a form.
std::string format_vn_datetime_local(std::int64_t unix_seconds);
// The day in Vietnam time as an ISO date, "2026-11-28": what date inputs, periods and daily
// counts hold.
std::string format_vn_iso_date(std::int64_t unix_seconds);
// Today in Vietnam, "2026-12-06".
std::string today_vn_iso();
// "2026-11-28" → "28/11/2026", as pages write a day; any other text as it is.
std::string iso_to_vn_date(const std::string& iso);
// The inverse of format_vn_iso_date: midnight of "2026-11-28" in Vietnam time; nothing for any other shape or a day
// that does not exist.
std::optional<std::int64_t> parse_vn_iso_date(std::string_view s);

}  // namespace core
