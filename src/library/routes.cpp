#include "library/routes.h"
#include "web/pagination.h"

#include "core/utf8.h"
#include "library/views.h"
#include "web/params.h"

#include <fstream>

namespace library {

namespace {
constexpr std::size_t kDocumentsPerPage = 20;
// Documents up to this many articles show their full text on the document page; longer ones
// (the codes) show a table of contents that links to each article's page.
constexpr std::size_t kFullTextArticles = 80;

http::Response cached(http::Response r) {
  r.set("Cache-Control", "public, max-age=60");
  return r;
}

// A query parameter that must be a slug, into `into`; `error` is set when it is not one.
void slug_param(const http::Request& r, const char* name, std::optional<std::string>& into, std::string& error) {
  if (auto v = r.query_param(name); v && !v->empty()) {
    if (!web::is_slug(*v)) error = std::string("Tham số \"") + name + "\" phải là mã không dấu (chữ thường, số, dấu gạch ngang).";
    else into = *v;
  }
}

// Browse filters from the query string; `error` is set for malformed values.
DocumentFilter filter_from(const http::Request& r, std::string& error) {
  DocumentFilter f;
  slug_param(r, "loai", f.doc_type_slug, error);
  slug_param(r, "hieu-luc", f.status_slug, error);
  if (auto v = r.query_param("co-quan"); v && !v->empty()) f.issuer = v->substr(0, 200);
  if (auto v = r.query_param("linh-vuc"); v && !v->empty()) f.field = v->substr(0, 200);
  web::ParamError pe;
  auto year = web::int_param(r, "nam", 0, 0, 2200, pe);
  if (!year) error = pe.message;
  else if (*year) f.year = static_cast<int>(*year);
  return f;
}

std::string filter_query(const DocumentFilter& f) {
  std::string q;
  auto add = [&](const char* k, const std::string& v) { q += (q.empty() ? "?" : "&") + std::string(k) + "=" + http::percent_encode(v); };
  if (f.doc_type_slug) add("loai", *f.doc_type_slug);
  if (f.status_slug) add("hieu-luc", *f.status_slug);
  if (f.issuer) add("co-quan", *f.issuer);
  if (f.field) add("linh-vuc", *f.field);
  if (f.year) add("nam", std::to_string(*f.year));
  return q;
}

nlohmann::json facet_links(const std::vector<std::pair<std::string, std::int64_t>>& values, const char* param, bool slug_value,
                           const std::optional<std::string>& current) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& [value, count] : values) {
    std::string v = slug_value ? core::slugify(value) : value;
    a.push_back({{"label", value}, {"count", count}, {"url", "/van-ban?" + std::string(param) + "=" + http::percent_encode(v)},
                 {"current", current && *current == v}});
  }
  return a;
}

std::string validity_class(const std::string& slug) {
  if (slug == "con-hieu-luc") return "valid";
  if (slug == "het-hieu-luc" || slug == "het-hieu-luc-mot-phan" || slug == "tam-ngung-hieu-luc") return "invalid";
  return "unknown";
}

// The clauses and points that follow the article at `at` in document order.
std::vector<const StoredNode*> article_parts(const std::vector<StoredNode>& nodes, std::size_t at) {
  std::vector<const StoredNode*> parts;
  for (std::size_t j = at + 1; j < nodes.size() && (nodes[j].kind == NodeKind::clause || nodes[j].kind == NodeKind::point); ++j)
    parts.push_back(&nodes[j]);
  return parts;
}

// ---- /van-ban: browsing -----------------------------------------------------------------------

http::Response browse_page(web::Site& site, LibraryService& library, http::Request& r, web::Visitor& v) {
  std::string error;
  auto f = filter_from(r, error);
  web::ParamError pe;
  auto page = web::int_param(r, "trang", 1, 1, 100000, pe);
  if (!error.empty() || !page) {
    auto view = site.base_view(v, "Yêu cầu không hợp lệ");
    view["message"] = error.empty() ? pe.message : error;
    return site.page("errors/error", view, 400);
  }
  f.limit = kDocumentsPerPage;
  f.offset = static_cast<std::size_t>(*page - 1) * kDocumentsPerPage;
  auto view = site.base_view(v, "Tủ sách pháp luật điện tử");
  nlohmann::json docs = nlohmann::json::array();
  for (const auto& d : library.documents(f)) {
    auto s = document_summary(d);
    s["validity_class"] = validity_class(d.status_slug);
    docs.push_back(s);
  }
  view["documents"] = docs;
  auto total = library.count(f);
  view["total"] = total;
  view["pagination"] = web::pagination_view("/van-ban" + filter_query(f), total, kDocumentsPerPage, static_cast<std::size_t>(*page));
  auto facets = library.facets();
  if (facets.issuers.size() > 15) facets.issuers.resize(15);
  view["facets"] = {{"types", facet_links(facets.types, "loai", true, f.doc_type_slug)},
                    {"statuses", facet_links(facets.statuses, "hieu-luc", true, f.status_slug)},
                    {"issuers", facet_links(facets.issuers, "co-quan", false, f.issuer)},
                    {"years", facet_links(facets.years, "nam", false, f.year ? std::optional<std::string>(std::to_string(*f.year)) : std::nullopt)}};
  view["filtered"] = !filter_query(f).empty();
  view["og"] = {{"title", "Tủ sách pháp luật điện tử"}, {"url", site.absolute_url("/van-ban")}, {"type", "website"}};
  return cached(site.page("library/index", view));
}

// ---- /van-ban/{slug}: one document --------------------------------------------------------------

// The document's parts, chapters, sections and articles in order, each article with its text.
nlohmann::json full_text_view(const Document& d, const std::vector<StoredNode>& nodes, const LinkTable& links) {
  nlohmann::json full = nlohmann::json::array();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    if (n.kind == NodeKind::clause || n.kind == NodeKind::point) continue;
    nlohmann::json item = {{"anchor", n.anchor}, {"label", std::string(kind_label(n.kind)) + " " + n.number}, {"title", n.title},
                           {"is_article", n.kind == NodeKind::article}};
    if (n.kind == NodeKind::article) {
      item["html"] = article_html(n, article_parts(nodes, i), n.anchor + "-", links, d.slug);
      item["url"] = article_url(d, n.anchor);
    }
    full.push_back(item);
  }
  return full;
}

// What the document amends, replaces, guides or cites, and the documents that do so to it.
nlohmann::json relations_view(LibraryService& library, const Document& d) {
  nlohmann::json relations = nlohmann::json::array();
  for (const auto& rel : library.relations(d)) {
    if (rel.incoming) {
      if (!rel.source) continue;
      relations.push_back({{"label", std::string(relation_label(rel.kind)) + " văn bản này"}, {"title", rel.source->meta.title},
                           {"url", document_url(*rel.source)}});
    } else {
      relations.push_back({{"label", std::string(relation_label(rel.kind))}, {"title", rel.target ? rel.target->meta.title : rel.target_number},
                           {"number", rel.target_number}, {"url", rel.target ? document_url(*rel.target) : ""}});
    }
  }
  return relations;
}

// The files (PDFs, scans) stored with the document.
nlohmann::json files_view(LibraryService& library, const Document& d) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : library.files(d.id))
    files.push_back({{"url", "/tep/" + std::to_string(f.id) + "/" + f.file_name}, {"name", f.original_name.empty() ? f.file_name : f.original_name},
                     {"type", f.content_type == "application/pdf" ? "PDF" : "ảnh"},
                     {"size", f.bytes >= 1024 * 1024 ? std::to_string(f.bytes / (1024 * 1024)) + " MB" : std::to_string(f.bytes / 1024 + 1) + " KB"}});
  return files;
}

http::Response document_page(web::Site& site, LibraryService& library, http::Request& r, web::Visitor& v) {
  auto d = library.document(r.params["slug"]);
  if (!d) return site.not_found_page(v);
  auto nodes = library.nodes(d->id);
  auto view = site.base_view(v, d->meta.title);
  view["document"] = document_summary(*d);
  view["validity_class"] = validity_class(d->status_slug);
  view["toc"] = table_of_contents(*d, nodes);
  std::size_t articles = 0;
  for (const auto& n : nodes) articles += n.kind == NodeKind::article;
  view["article_count"] = articles;
  auto links = library.link_table();
  if (articles > 0 && articles <= kFullTextArticles) {
    view["full_text"] = full_text_view(*d, nodes, *links);
  } else if (!d->body.empty()) {
    StoredNode whole;
    whole.text = d->body;
    whole.kind = NodeKind::part;  // not an article: "Điều này" has nothing to point at
    view["body_html"] = article_html(whole, {}, "", *links, d->slug);
  }
  auto relations = relations_view(library, *d);
  view["relations"] = relations;
  view["has_relations"] = !relations.empty();
  auto files = files_view(library, *d);
  view["files"] = files;
  view["has_files"] = !files.empty();
  view["kind_label"] = std::string(item_kind_label(d->meta.kind));
  view["og"] = {{"title", d->meta.title}, {"description", d->meta.summary}, {"url", site.absolute_url(document_url(*d))}, {"type", "article"}};
  return cached(site.page("library/document", view));
}

// ---- /van-ban/{slug}/{anchor}: one article ------------------------------------------------------

// The parts, chapters and sections above `article`, outermost first, linked into the document page.
nlohmann::json breadcrumb_trail(const Document& d, const std::vector<StoredNode>& nodes, const StoredNode& article) {
  nlohmann::json trail = nlohmann::json::array();
  for (std::optional<std::int64_t> p = article.parent_id; p;) {
    auto it = std::find_if(nodes.begin(), nodes.end(), [&](const StoredNode& n) { return n.id == *p; });
    if (it == nodes.end()) break;
    nlohmann::json crumb = {{"label", std::string(kind_label(it->kind)) + " " + it->number}, {"title", it->title},
                            {"url", document_url(d) + "#" + it->anchor}};
    trail.insert(trail.begin(), crumb);
    p = it->parent_id;
  }
  return trail;
}

http::Response article_page(web::Site& site, LibraryService& library, http::Request& r, web::Visitor& v) {
  auto d = library.document(r.params["slug"]);
  if (!d) return site.not_found_page(v);
  auto nodes = library.nodes(d->id);
  const std::string& anchor = r.params["anchor"];
  std::size_t at = nodes.size();
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].anchor == anchor && nodes[i].kind == NodeKind::article) at = i;
  if (at == nodes.size()) return site.not_found_page(v);
  const auto& article = nodes[at];
  const StoredNode* prev = nullptr;
  const StoredNode* next = nullptr;
  for (std::size_t i = at; i-- > 0;)
    if (nodes[i].kind == NodeKind::article) { prev = &nodes[i]; break; }
  for (std::size_t i = at + 1; i < nodes.size(); ++i)
    if (nodes[i].kind == NodeKind::article) { next = &nodes[i]; break; }
  std::string heading = "Điều " + article.number + (article.title.empty() ? "" : ". " + article.title);
  auto view = site.base_view(v, heading + " – " + d->meta.title);
  view["document"] = document_summary(*d);
  view["validity_class"] = validity_class(d->status_slug);
  view["article"] = {{"heading", heading}, {"html", article_html(article, article_parts(nodes, at), "", *library.link_table(), d->slug)},
                     {"url", article_url(*d, article.anchor)}, {"permalink", site.absolute_url(article_url(*d, article.anchor))}};
  view["trail"] = breadcrumb_trail(*d, nodes, article);
  if (prev) view["prev"] = {{"url", article_url(*d, prev->anchor)}, {"label", "Điều " + prev->number}};
  if (next) view["next"] = {{"url", article_url(*d, next->anchor)}, {"label", "Điều " + next->number}};
  view["og"] = {{"title", heading}, {"description", d->meta.title}, {"url", site.absolute_url(article_url(*d, article.anchor))}, {"type", "article"}};
  return cached(site.page("library/article", view));
}

// ---- /tep/{id}/{name}: a stored file ------------------------------------------------------------

http::Response file_download(web::Site& site, LibraryService& library, http::Request& r, web::Visitor& v) {
  auto id = web::parse_id(r.params["id"]);
  auto f = id ? library.file(*id) : std::nullopt;
  if (!f || f->file_name != r.params["name"]) return site.not_found_page(v);
  std::ifstream in(library.file_path(*f), std::ios::binary);
  if (!in) return site.not_found_page(v);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto res = http::Response::text(std::move(data), 200, f->content_type);
  res.set("Cache-Control", "public, max-age=86400");
  res.set("Content-Disposition", "inline");
  return res;
}

// ---- /api/v1/documents --------------------------------------------------------------------------

http::Response api_list(LibraryService& library, http::Request& r) {
  std::string error;
  DocumentFilter f;
  slug_param(r, "type", f.doc_type_slug, error);
  slug_param(r, "status", f.status_slug, error);
  web::ParamError pe;
  auto limit = web::int_param(r, "limit", 20, 1, 100, pe);
  auto offset = limit ? web::int_param(r, "offset", 0, 0, 1'000'000, pe) : std::nullopt;
  auto year = offset ? web::int_param(r, "year", 0, 0, 2200, pe) : std::nullopt;
  if (!year) error = pe.message;
  if (!error.empty()) return web::Site::api_error(400, "invalid_parameter", error);
  if (*year) f.year = static_cast<int>(*year);
  f.limit = static_cast<std::size_t>(*limit);
  f.offset = static_cast<std::size_t>(*offset);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : library.documents(f)) items.push_back(document_summary(d));
  auto res = http::Response::json(nlohmann::json{{"total", library.count(f)}, {"limit", f.limit}, {"offset", f.offset}, {"items", items}}.dump());
  return cached(res);
}

http::Response api_document(LibraryService& library, http::Request& r) {
  auto id = web::parse_id(r.params["id"]);
  auto d = id ? library.document(*id) : std::nullopt;
  if (!d) return web::Site::api_error(404, "not_found", "Không tìm thấy văn bản.");
  return cached(http::Response::json(document_detail(*d, library.nodes(d->id)).dump()));
}
}  // namespace

void register_library_routes(web::Site& site, LibraryService& library) {
  // Public pages.
  auto page = [&](http::Response (*handler)(web::Site&, LibraryService&, http::Request&, web::Visitor&)) {
    return [&site, &library, handler](http::Request& r, web::Visitor& v) { return handler(site, library, r, v); };
  };
  site.add(web::page("/van-ban"), page(browse_page));
  site.add(web::page("/van-ban/{slug}"), page(document_page));
  site.add(web::page("/van-ban/{slug}/{anchor}"), page(article_page));
  site.add(web::page("/tep/{id}/{name}"), page(file_download));
  // JSON API.
  site.add(web::api("GET", "/api/v1/documents"), [&](http::Request& r, web::Visitor&) { return api_list(library, r); });
  site.add(web::api("GET", "/api/v1/documents/{id}"), [&](http::Request& r, web::Visitor&) { return api_document(library, r); });
}

}  // namespace library
