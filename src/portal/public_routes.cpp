#include "portal/public_routes.h"
#include "web/pagination.h"
#include "core/html.h"

#include "core/media.h"
#include "core/time.h"
#include "core/utf8.h"
#include "portal/views.h"
#include "web/params.h"
#include "web/templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace portal {

namespace {
constexpr std::size_t kPostsPerPage = 10;
constexpr const char* kPublicCache = "public, max-age=60";

http::Response cached(http::Response r) {
  r.set("Cache-Control", kPublicCache);
  return r;
}

http::Response bad_page_param(web::Site& site, web::Visitor& v, const web::ParamError& e) {
  auto view = site.base_view(v, "Yêu cầu không hợp lệ");
  view["message"] = e.message;
  return site.page("errors/error", view, 400);
}

std::string xml(std::string_view s) { return core::html_escape(s); }

http::Response feed(web::Site& site, const std::string& title, const std::string& page_path,
                    const std::vector<Post>& posts, bool atom) {
  std::ostringstream o;
  std::int64_t updated = posts.empty() ? 0 : posts.front().publish_at.value_or(posts.front().updated_at);
  if (atom) {
    o << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
      << "<title>" << xml(title) << "</title>\n<link href=\"" << xml(site.absolute_url(page_path)) << "\"/>\n"
      << "<id>" << xml(site.absolute_url(page_path)) << "</id>\n<updated>" << core::format_rfc3339(updated) << "</updated>\n";
    for (const auto& p : posts) {
      auto url = site.absolute_url(post_url(p));
      o << "<entry><title>" << xml(p.title) << "</title><link href=\"" << xml(url) << "\"/><id>" << xml(url)
        << "</id><updated>" << core::format_rfc3339(p.publish_at.value_or(p.updated_at)) << "</updated><author><name>"
        << xml(p.author_name) << "</name></author><summary>" << xml(p.summary) << "</summary></entry>\n";
    }
    o << "</feed>\n";
    return cached(http::Response::text(o.str(), 200, "application/atom+xml; charset=utf-8"));
  }
  o << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\n<title>" << xml(title)
    << "</title>\n<link>" << xml(site.absolute_url(page_path)) << "</link>\n<description>" << xml(title)
    << "</description>\n<language>vi</language>\n";
  for (const auto& p : posts) {
    auto url = site.absolute_url(post_url(p));
    o << "<item><title>" << xml(p.title) << "</title><link>" << xml(url) << "</link><guid>" << xml(url)
      << "</guid><pubDate>" << core::format_rfc822(p.publish_at.value_or(p.updated_at)) << "</pubDate><description>"
      << xml(p.summary) << "</description></item>\n";
  }
  o << "</channel></rss>\n";
  return cached(http::Response::text(o.str(), 200, "application/rss+xml; charset=utf-8"));
}

nlohmann::json post_list(const std::vector<Post>& posts) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& p : posts) a.push_back(post_view(p));
  return a;
}
}  // namespace

void register_public_routes(web::Site& site, PortalService& portal) {
  site.add(web::page("/"), [&](http::Request&, web::Visitor& v) {
    auto view = site.base_view(v, "Trang chủ");
    view["is_home"] = true;
    view["featured"] = post_list(portal.featured(5));
    view["has_featured"] = !view["featured"].empty();
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& s : portal.home_sections(4))
      sections.push_back({{"category", category_view(s.category)}, {"posts", post_list(s.posts)}});
    view["sections"] = sections;
    view["og"] = {{"title", "Cổng thông tin phổ biến, giáo dục pháp luật"}, {"url", site.absolute_url("/")}, {"type", "website"}};
    return cached(site.page("portal/home", view));
  });

  site.add(web::page("/chuyen-muc/{slug}"), [&](http::Request& r, web::Visitor& v) {
    auto cat = portal.category(r.params["slug"]);
    if (!cat) return site.not_found_page(v);
    web::ParamError err;
    auto page = web::int_param(r, "trang", 1, 1, 100000, err);
    if (!page) return bad_page_param(site, v, err);
    PostQuery q;
    q.category_id = cat->id;
    q.page = {kPostsPerPage, static_cast<std::size_t>(*page - 1) * kPostsPerPage};
    auto total = portal.count_published(q);
    auto view = site.base_view(v, cat->name);
    view["category"] = category_view(*cat);
    view["posts"] = post_list(portal.published(q));
    view["pagination"] = web::pagination_view(category_url(cat->slug), total, kPostsPerPage, static_cast<std::size_t>(*page));
    view["feeds"] = {{"rss", category_url(cat->slug) + "/rss.xml"}, {"atom", category_url(cat->slug) + "/atom.xml"}};
    view["og"] = {{"title", cat->name}, {"url", site.absolute_url(category_url(cat->slug))}, {"type", "website"}};
    return cached(site.page("portal/category", view));
  });

  site.add(web::page("/the/{slug}"), [&](http::Request& r, web::Visitor& v) {
    PostQuery q;
    q.tag_slug = r.params["slug"];
    q.page = {50, 0};
    auto posts = portal.published(q);
    if (posts.empty()) return site.not_found_page(v);
    std::string name = r.params["slug"];
    for (const auto& t : posts.front().tags)
      if (core::slugify(t) == r.params["slug"]) name = t;
    auto view = site.base_view(v, "Thẻ: " + name);
    view["tag"] = name;
    view["posts"] = post_list(posts);
    return cached(site.page("portal/tag", view));
  });

  for (bool atom : {false, true}) {
    site.add(web::page(std::string("/chuyen-muc/{slug}/") + (atom ? "atom.xml" : "rss.xml")), [&, atom](http::Request& r, web::Visitor& v) {
      auto cat = portal.category(r.params["slug"]);
      if (!cat) return site.not_found_page(v);
      PostQuery q;
      q.category_id = cat->id;
      q.page = {20, 0};
      return feed(site, cat->name, category_url(cat->slug), portal.published(q), atom);
    });
    site.add(web::page(atom ? "/atom.xml" : "/rss.xml"), [&, atom](http::Request&, web::Visitor&) {
      PostQuery q;
      q.page = {20, 0};
      return feed(site, "Cổng thông tin phổ biến, giáo dục pháp luật", "/", portal.published(q), atom);
    });
  }

  auto post_page = [&](bool print) {
    return [&, print](http::Request& r, web::Visitor& v) {
      auto p = portal.published_post(r.params["slug"]);
      if (!p) return site.not_found_page(v);
      auto view = site.base_view(v, p->title);
      view["post"] = post_view(*p, true);
      view["related"] = post_list(portal.related(*p, 4));
      view["has_related"] = !view["related"].empty();
      view["print_url"] = post_url(*p) + "/in";
      view["og"] = {{"title", p->title}, {"description", p->summary}, {"url", site.absolute_url(post_url(*p))}, {"type", "article"}};
      if (p->cover_image) view["og"]["image"] = site.absolute_url("/uploads/covers/" + *p->cover_image);
      if (print) return cached(http::Response::html(web::render("portal/post_print", view)));
      return cached(site.page("portal/post", view));
    };
  };
  site.add(web::page("/bai-viet/{slug}"), post_page(false));
  site.add(web::page("/bai-viet/{slug}/in"), post_page(true));

  site.add(web::page("/sitemap.xml"), [&](http::Request&, web::Visitor&) {
    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    o << "<url><loc>" << xml(site.absolute_url("/")) << "</loc></url>\n";
    for (const auto& c : portal.categories()) o << "<url><loc>" << xml(site.absolute_url(category_url(c.slug))) << "</loc></url>\n";
    PostQuery q;
    q.page = {50000, 0};  // the sitemap protocol's limit per file
    for (const auto& p : portal.published(q))
      o << "<url><loc>" << xml(site.absolute_url(post_url(p))) << "</loc><lastmod>" << core::format_rfc3339(p.updated_at)
        << "</lastmod></url>\n";
    o << "</urlset>\n";
    return cached(http::Response::text(o.str(), 200, "application/xml; charset=utf-8"));
  });

  site.add(web::page("/robots.txt"), [&](http::Request&, web::Visitor&) {
    return cached(http::Response::text("User-agent: *\nDisallow: /quan-tri\nSitemap: " + site.absolute_url("/sitemap.xml") + "\n"));
  });

  // Public images: post covers and expert photos (consultation), stored under random names.
  for (std::string folder : {"covers", "experts"}) {
    site.add(web::page("/uploads/" + folder + "/{name}"), [&site, folder](http::Request& r, web::Visitor& v) {
      const std::string& name = r.params["name"];
      // Names are ours (random token + extension): anything else, such as "..", is not a file here.
      bool ok = !name.empty() && name.size() < 64 && name.find("..") == std::string::npos;
      for (char c : name) ok &= std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
      std::filesystem::path path = std::filesystem::path(site.config().uploads_dir()) / folder / name;
      if (!ok || !std::filesystem::is_regular_file(path)) return site.not_found_page(v);
      std::ifstream in(path, std::ios::binary);
      std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto ext = name.substr(name.rfind('.') + 1);
      auto res = http::Response::text(std::move(data), 200, std::string(core::image_content_type(ext)));
      res.set("Cache-Control", "public, max-age=86400");
      return res;
    });
  }
}

}  // namespace portal
