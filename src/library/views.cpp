#include "library/views.h"
#include "core/html.h"

#include "http/message.h"
#include "library/citation_links.h"

#include <map>

namespace library {

std::string document_url(const Document& d) { return "/van-ban/" + d.slug; }
std::string article_url(const Document& d, const std::string& anchor) { return "/van-ban/" + d.slug + "/" + anchor; }

nlohmann::json document_summary(const Document& d) {
  return {{"id", std::to_string(d.id)},
          {"slug", d.slug},
          {"url", document_url(d)},
          {"kind", std::string(item_kind_slug(d.meta.kind))},
          {"number", d.meta.number},
          {"title", d.meta.title},
          {"type", d.meta.doc_type},
          {"type_slug", d.doc_type_slug},
          {"issuer", d.meta.issuer},
          {"signer", d.meta.signer},
          {"issued_on", d.meta.issued_on},
          {"effective_on", d.meta.effective_on},
          {"status", d.meta.status},
          {"status_slug", d.status_slug},
          {"fields", d.meta.fields},
          {"summary", d.meta.summary},
          {"source", {{"format", d.meta.source_format}, {"id", d.meta.source_id}}}};
}

nlohmann::json document_detail(const Document& d, const std::vector<StoredNode>& nodes) {
  auto j = document_summary(d);
  std::map<std::int64_t, nlohmann::json*> by_id;
  nlohmann::json tree = nlohmann::json::array();
  std::vector<nlohmann::json> all;
  // Build nested JSON: nodes come in document order, parents before children.
  std::map<std::int64_t, std::vector<std::size_t>> children;
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].parent_id) children[*nodes[i].parent_id].push_back(i);
    else roots.push_back(i);
  }
  std::function<nlohmann::json(std::size_t)> build = [&](std::size_t i) {
    const auto& n = nodes[i];
    nlohmann::json o = {{"id", std::to_string(n.id)}, {"kind", std::string(kind_slug(n.kind))}, {"number", n.number},
                        {"title", n.title}, {"anchor", n.anchor}};
    if (n.kind == NodeKind::article) {
      o["text"] = n.text;
      o["url"] = article_url(d, n.anchor);
      o["source_ref"] = n.source_ref;
    } else if (n.kind == NodeKind::clause || n.kind == NodeKind::point) {
      o["text"] = n.text;
    }
    nlohmann::json kids = nlohmann::json::array();
    for (auto c : children[n.id]) kids.push_back(build(c));
    if (!kids.empty()) o["children"] = kids;
    return o;
  };
  for (auto r : roots) tree.push_back(build(r));
  j["tree"] = tree;
  if (!d.body.empty()) j["body"] = d.body;
  return j;
}

std::string article_html(const StoredNode& article, const std::vector<const StoredNode*>& parts, const std::string& id_prefix,
                         const LinkTable& links, const std::string& slug) {
  // First line of each clause and point → its id.
  std::map<std::string, std::string> ids;
  for (const auto* p : parts) {
    auto first = p->text.substr(0, p->text.find('\n'));
    auto id = p->anchor.substr(p->anchor.find("-khoan-") + 1);  // "khoan-2" or "khoan-2-diem-a"
    ids.emplace(first, id_prefix + id);
  }
  std::string html;
  std::size_t pos = 0;
  const std::string& text = article.text;
  while (pos <= text.size() && !text.empty()) {
    auto nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
    if (line.empty()) continue;
    std::string escaped;
    std::size_t last = 0;
    for (const auto& link : find_links(line, links, slug, article.kind == NodeKind::article ? article.number : "")) {
      escaped += core::html_escape(line.substr(last, link.begin - last));
      escaped += "<a href=\"" + core::html_escape(link.url) + "\">" + core::html_escape(line.substr(link.begin, link.end - link.begin)) + "</a>";
      last = link.end;
    }
    escaped += core::html_escape(line.substr(last));
    auto it = ids.find(line);
    std::string cls = line.size() > 2 && line[1] == ')' ? " class=\"diem\"" : "";
    if (it != ids.end()) {
      html += "<p id=\"" + it->second + "\"" + cls + ">" + escaped + "</p>\n";
      ids.erase(it);
    } else {
      html += "<p" + cls + ">" + escaped + "</p>\n";
    }
  }
  return html;
}

nlohmann::json table_of_contents(const Document& d, const std::vector<StoredNode>& nodes) {
  nlohmann::json toc = nlohmann::json::array();
  for (const auto& n : nodes) {
    if (n.kind == NodeKind::clause || n.kind == NodeKind::point) continue;
    std::string label = std::string(kind_label(n.kind)) + " " + n.number;
    toc.push_back({{"label", label},
                   {"title", n.title},
                   {"anchor", n.anchor},
                   {"url", n.kind == NodeKind::article ? article_url(d, n.anchor) : document_url(d) + "#" + n.anchor},
                   {"level", n.kind == NodeKind::article ? "dieu" : std::string(kind_slug(n.kind))},
                   {"is_article", n.kind == NodeKind::article}});
  }
  return toc;
}

}  // namespace library
