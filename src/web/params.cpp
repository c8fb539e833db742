#include "web/params.h"

#include <charconv>

namespace web {

std::optional<std::int64_t> parse_id(const std::string& s) {
  std::int64_t v = 0;
  if (s.empty() || s.size() > 18) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

bool is_slug(const std::string& s) {
  if (s.empty() || s.size() > 100) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::optional<std::int64_t> int_param(const http::Request& r, const std::string& name, std::int64_t fallback,
                                      std::int64_t min, std::int64_t max, ParamError& error) {
  auto raw = r.query_param(name);
  if (!raw) return fallback;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (raw->empty() || ec != std::errc() || p != raw->data() + raw->size() || v < min || v > max) {
    error = {name, "Tham số \"" + name + "\" phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max) + "."};
    return std::nullopt;
  }
  return v;
}

}  // namespace web
