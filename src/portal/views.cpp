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

}  // namespace portal
