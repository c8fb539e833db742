#include "portal/api_routes.h"

#include "core/utf8.h"
#include "portal/views.h"
#include "web/params.h"

namespace portal {

namespace {
http::Response json(const nlohmann::json& j) {
  auto r = http::Response::json(j.dump());
  r.set("Cache-Control", "public, max-age=60");
  return r;
}

// limit (default 20, at most 100) and offset: the convention of every list in the API.
std::optional<Page> page_of(const http::Request& r, web::ParamError& err) {
  auto limit = web::int_param(r, "limit", 20, 1, 100, err);
  if (!limit) return std::nullopt;
  auto offset = web::int_param(r, "offset", 0, 0, 1'000'000, err);
  if (!offset) return std::nullopt;
  return Page{static_cast<std::size_t>(*limit), static_cast<std::size_t>(*offset)};
}
}  // namespace

void register_api_routes(web::Site& site, PortalService& portal) {
  site.add(web::api("GET", "/api/v1/categories"), [&](http::Request&, web::Visitor&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : portal.categories()) items.push_back(category_view(c));
    return json({{"total", items.size()}, {"items", items}});
  });

  site.add(web::api("GET", "/api/v1/categories/{slug}"), [&](http::Request& r, web::Visitor&) {
    auto c = portal.category(r.params["slug"]);
    if (!c) return web::Site::api_error(404, "not_found", "Không tìm thấy chuyên mục.");
    return json(category_view(*c));
  });

  site.add(web::api("GET", "/api/v1/posts"), [&](http::Request& r, web::Visitor&) {
    web::ParamError err;
    auto page = page_of(r, err);
    if (!page) return web::Site::api_error(400, "invalid_parameter", err.message);
    PostQuery q;
    q.page = *page;
    if (auto cat = r.query_param("category")) {
      if (!web::is_slug(*cat)) return web::Site::api_error(400, "invalid_parameter", "Tham số \"category\" phải là mã chuyên mục (chữ thường không dấu, số, dấu gạch ngang).");
      auto c = portal.category(*cat);
      if (!c) return web::Site::api_error(404, "not_found", "Không tìm thấy chuyên mục.");
      q.category_id = c->id;
    }
    if (auto tag = r.query_param("tag")) {
      if (!web::is_slug(*tag)) return web::Site::api_error(400, "invalid_parameter", "Tham số \"tag\" phải là mã thẻ (chữ thường không dấu, số, dấu gạch ngang).");
      q.tag_slug = *tag;
    }
    if (auto f = r.query_param("featured")) {
      if (*f != "true" && *f != "false") return web::Site::api_error(400, "invalid_parameter", "Tham số \"featured\" phải là true hoặc false.");
      q.featured_only = *f == "true";
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : portal.published(q)) items.push_back(post_view(p));
    return json({{"total", portal.count_published(q)}, {"limit", page->limit}, {"offset", page->offset}, {"items", items}});
  });

  site.add(web::api("GET", "/api/v1/posts/{id}"), [&](http::Request& r, web::Visitor&) {
    auto id = web::parse_id(r.params["id"]);
    auto p = id ? portal.published_post(*id) : std::nullopt;
    if (!p) return web::Site::api_error(404, "not_found", "Không tìm thấy bài viết.");
    auto v = post_view(*p, true);
    v["related"] = nlohmann::json::array();
    for (const auto& rel : portal.related(*p, 4)) v["related"].push_back({{"id", std::to_string(rel.id)}, {"title", rel.title}, {"url", post_url(rel)}});
    return json(v);
  });
}

}  // namespace portal
