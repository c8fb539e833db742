#include "library/model.h"

#include "core/utf8.h"

namespace library {

std::string_view kind_slug(NodeKind k) {
  switch (k) {
    case NodeKind::part: return "phan";
    case NodeKind::chapter: return "chuong";
    case NodeKind::section: return "muc";
    case NodeKind::article: return "dieu";
    case NodeKind::clause: return "khoan";
    case NodeKind::point: return "diem";
  }
  return "dieu";
}

std::string_view kind_label(NodeKind k) {
  switch (k) {
    case NodeKind::part: return "Phần";
    case NodeKind::chapter: return "Chương";
    case NodeKind::section: return "Mục";
    case NodeKind::article: return "Điều";
    case NodeKind::clause: return "Khoản";
    case NodeKind::point: return "Điểm";
  }
  return "";
}

std::optional<NodeKind> parse_kind(std::string_view slug) {
  for (auto k : {NodeKind::part, NodeKind::chapter, NodeKind::section, NodeKind::article, NodeKind::clause, NodeKind::point})
    if (kind_slug(k) == slug) return k;
  return std::nullopt;
}

std::string_view item_kind_slug(ItemKind k) {
  switch (k) {
    case ItemKind::document: return "document";
    case ItemKind::book: return "book";
    case ItemKind::outline: return "outline";
    case ItemKind::leaflet: return "leaflet";
    case ItemKind::situation: return "situation";
  }
  return "document";
}

std::string_view item_kind_label(ItemKind k) {
  switch (k) {
    case ItemKind::document: return "Văn bản pháp luật";
    case ItemKind::book: return "Sách pháp luật";
    case ItemKind::outline: return "Đề cương giới thiệu luật";
    case ItemKind::leaflet: return "Tờ gấp pháp luật";
    case ItemKind::situation: return "Tình huống pháp luật";
  }
  return "";
}

std::optional<ItemKind> parse_item_kind(std::string_view slug) {
  for (auto k : {ItemKind::document, ItemKind::book, ItemKind::outline, ItemKind::leaflet, ItemKind::situation})
    if (item_kind_slug(k) == slug) return k;
  return std::nullopt;
}

std::string_view relation_slug(RelationKind k) {
  switch (k) {
    case RelationKind::amends: return "amends";
    case RelationKind::replaces: return "replaces";
    case RelationKind::guides: return "guides";
    case RelationKind::cites: return "cites";
  }
  return "cites";
}

std::string_view relation_label(RelationKind k) {
  switch (k) {
    case RelationKind::amends: return "Sửa đổi, bổ sung";
    case RelationKind::replaces: return "Thay thế";
    case RelationKind::guides: return "Hướng dẫn, quy định chi tiết";
    case RelationKind::cites: return "Dẫn chiếu";
  }
  return "";
}

RelationKind parse_relation(std::string_view slug) {
  for (auto k : {RelationKind::amends, RelationKind::replaces, RelationKind::guides})
    if (relation_slug(k) == slug) return k;
  return RelationKind::cites;
}

namespace {
void count(const Node& n, TreeCounts& c) {
  switch (n.kind) {
    case NodeKind::part: ++c.parts; break;
    case NodeKind::chapter: ++c.chapters; break;
    case NodeKind::section: ++c.sections; break;
    case NodeKind::article: ++c.articles; break;
    case NodeKind::clause: ++c.clauses; break;
    case NodeKind::point: ++c.points; break;
  }
  for (const auto& child : n.children) count(child, c);
}
}  // namespace

TreeCounts count_nodes(const std::vector<Node>& tree) {
  TreeCounts c;
  for (const auto& n : tree) count(n, c);
  return c;
}

std::string status_slug(std::string_view status) {
  std::string s = core::slugify(status);
  if (s.starts_with("het-hieu-luc-mot-phan")) return "het-hieu-luc-mot-phan";
  if (s.starts_with("het-hieu-luc")) return "het-hieu-luc";
  if (s.starts_with("con-hieu-luc") || s == "dang-co-hieu-luc") return "con-hieu-luc";
  if (s.starts_with("chua-co-hieu-luc")) return "chua-co-hieu-luc";
  if (s.starts_with("tam-ngung")) return "tam-ngung-hieu-luc";
  return s.empty() ? "" : "khac";
}

}  // namespace library
