#include "core/time.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

namespace core {

namespace {
constexpr std::int64_t kVietnamOffset = 7 * 3600;

std::tm utc_tm(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}
}  // namespace

std::int64_t now_unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string format_vn_datetime(std::int64_t t) {
  std::tm tm = utc_tm(t + kVietnamOffset);
  return fmt::format("{:02}/{:02}/{:04} {:02}:{:02}", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

std::string format_vn_date(std::int64_t t) {
  std::tm tm = utc_tm(t + kVietnamOffset);
  return fmt::format("{:02}/{:02}/{:04}", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
}

std::string format_vn_duration(std::int64_t ms) {
  const std::int64_t seconds = ms / 1000;
  if (seconds >= 3600) return fmt::format("{} giờ {:02} phút {:02} giây", seconds / 3600, seconds % 3600 / 60, seconds % 60);
  if (seconds >= 60) return fmt::format("{} phút {:02} giây", seconds / 60, seconds % 60);
  return fmt::format("{},{} giây", seconds, ms % 1000 / 100);
}

std::string format_rfc3339(std::int64_t t) {
  std::tm tm = utc_tm(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

std::string format_rfc822(std::int64_t t) {
  static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm tm = utc_tm(t);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
                     tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::optional<std::int64_t> parse_vn_datetime_local(std::string_view s) {
  int y, mo, d, h, mi;
  char tail;
  std::string str(s);
  if (std::sscanf(str.c_str(), "%4d-%2d-%2dT%2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5) return std::nullopt;
  if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59)
    return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  std::time_t t = timegm(&tm);
  std::tm back = utc_tm(t);
  if (back.tm_mday != d) return std::nullopt;  // 31/02 and the like
  return static_cast<std::int64_t>(t) - kVietnamOffset;
}

std::string format_vn_datetime_local(std::int64_t t) {
  std::tm tm = utc_tm(t + kVietnamOffset);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

std::string format_vn_iso_date(std::int64_t t) { return format_vn_datetime_local(t).substr(0, 10); }

std::optional<std::int64_t> parse_vn_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  return parse_vn_datetime_local(std::string(s) + "T00:00");
}

std::string iso_to_vn_date(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string today_vn_iso() { return format_vn_iso_date(now_unix()); }

}  // namespace core
