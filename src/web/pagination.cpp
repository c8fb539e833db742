#include "web/pagination.h"

namespace web {

nlohmann::json pagination_view(const std::string& base_url, std::int64_t total, std::size_t per_page, std::size_t current) {
  std::size_t pages = total <= 0 ? 1 : static_cast<std::size_t>((total + per_page - 1) / per_page);
  nlohmann::json v = {{"current", current}, {"pages", pages}, {"show", pages > 1}};
  const char* sep = base_url.find('?') == std::string::npos ? "?" : "&";
  auto link = [&](std::size_t n) { return n == 1 ? base_url : base_url + sep + "trang=" + std::to_string(n); };
  if (current > 1) v["prev"] = link(current - 1);
  if (current < pages) v["next"] = link(current + 1);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t n = 1; n <= pages; ++n) {
    if (pages > 9 && n != 1 && n != pages && (n + 2 < current || n > current + 2)) continue;
    items.push_back({{"number", n}, {"url", link(n)}, {"current", n == current}});
  }
  v["items"] = items;
  return v;
}

}  // namespace web
