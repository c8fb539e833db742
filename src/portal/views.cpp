#include "portal/views.h"

#include "core/time.h"
#include "core/utf8.h"

namespace portal {

std::string post_url(const Post& p) { return "/bai-viet/" + p.slug; }
std::string category_url(const std::string& slug) { return "/chuyen-muc/" + slug; }

nlohmann::json post_view(const Post& p, bool with_body) {
  auto when = p.publish_at.value_or(p.updated_at);
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& t : p.tags) tags.push_back({{"name", t}, {"slug", core::slugify(t)}});
  nlohmann::json v = {
      {"id", std::to_string(p.id)},
      {"slug", p.slug},
      {"url", post_url(p)},
      {"title", p.title},
      {"summary", p.summary},
      {"category", {{"id", std::to_string(p.category_id)}, {"slug", p.category_slug}, {"name", p.category_name}, {"url", category_url(p.category_slug)}}},
      {"author", p.author_name},
      {"tags", tags},
      {"has_tags", !tags.empty()},
      {"featured", p.featured},
      {"published_at", core::format_rfc3339(when)},
      {"published_display", core::format_vn_datetime(when)},
      {"updated_at", core::format_rfc3339(p.updated_at)},
      {"cover_url", p.cover_image ? nlohmann::json("/uploads/covers/" + *p.cover_image) : nlohmann::json(nullptr)},
  };
  if (with_body) v["body_html"] = p.body_html;
  return v;
}

nlohmann::json category_view(const Category& c) {
  return {{"id", std::to_string(c.id)}, {"slug", c.slug}, {"name", c.name}, {"description", c.description},
          {"url", category_url(c.slug)}};
}

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

}  // namespace portal
