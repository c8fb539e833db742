#include "library/citation_links.h"

#include "text/citation.h"
#include "text/document_number.h"

#include <algorithm>
#include <optional>

namespace library {

namespace {
std::string clause_fragment(const text::Citation& c) {
  if (c.clause.empty()) return "";
  std::string f = "#khoan-" + c.clause;
  if (!c.point.empty()) f += "-diem-" + std::string(c.point == "đ" ? "dd" : c.point);
  return f;
}

}  // namespace

std::optional<std::string> document_slug(const text::DocumentRef& ref, const LinkTable& t, const std::string& own) {
  if (ref.self) return own.empty() ? std::nullopt : std::optional(own);
  if (!ref.number.empty()) {
    auto it = t.slug_by_number_key.find(text::document_number_key(ref.number));
    return it == t.slug_by_number_key.end() ? std::nullopt : std::optional(it->second);
  }
  for (const auto& key : ref.title_keys())
    if (auto it = t.slug_by_title_key.find(key); it != t.slug_by_title_key.end()) return it->second;
  return std::nullopt;
}

std::vector<TextLink> find_links(std::string_view line, const LinkTable& table, const std::string& slug,
                                 const std::string& article_number) {
  std::vector<TextLink> links;
  for (const auto& c : text::find_citations(line)) {
    std::optional<std::string> target = slug;
    if (c.document) target = document_slug(*c.document, table, slug);
    std::string article = c.this_article ? article_number : c.article;
    if (!target || article.empty()) continue;
    auto arts = table.articles.find(*target);
    if (arts == table.articles.end() || !arts->second.count(article)) continue;  // only links that lead somewhere
    links.push_back({c.begin, c.end, "/van-ban/" + *target + "/dieu-" + article + clause_fragment(c)});
  }
  for (const auto& m : text::find_document_numbers(line)) {
    bool inside = false;
    for (const auto& l : links) inside |= m.begin >= l.begin && m.end <= l.end;
    if (inside) continue;
    auto it = table.slug_by_number_key.find(text::document_number_key(m.number));
    if (it != table.slug_by_number_key.end() && it->second != slug) links.push_back({m.begin, m.end, "/van-ban/" + it->second});
  }
  std::sort(links.begin(), links.end(), [](const TextLink& a, const TextLink& b) { return a.begin < b.begin; });
  // Overlaps are dropped: the earlier link wins.
  std::vector<TextLink> out;
  for (auto& l : links)
    if (out.empty() || l.begin >= out.back().end) out.push_back(std::move(l));
  return out;
}

}  // namespace library
