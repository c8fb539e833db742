#include "library/model.h"

#include "core/enum_names.h"
#include "core/utf8.h"

namespace library {

constexpr auto kNodeKindNames = std::to_array<core::EnumName<NodeKind>>({
    {NodeKind::part, "phan", "Phần"},
    {NodeKind::chapter, "chuong", "Chương"},
    {NodeKind::section, "muc", "Mục"},
    {NodeKind::article, "dieu", "Điều"},
    {NodeKind::clause, "khoan", "Khoản"},
    {NodeKind::point, "diem", "Điểm"},
});

constexpr auto kItemKindNames = std::to_array<core::EnumName<ItemKind>>({
    {ItemKind::document, "document", "Văn bản pháp luật"},
    {ItemKind::book, "book", "Sách pháp luật"},
    {ItemKind::outline, "outline", "Đề cương giới thiệu luật"},
    {ItemKind::leaflet, "leaflet", "Tờ gấp pháp luật"},
    {ItemKind::situation, "situation", "Tình huống pháp luật"},
});

constexpr auto kRelationNames = std::to_array<core::EnumName<RelationKind>>({
    {RelationKind::amends, "amends", "Sửa đổi, bổ sung"},
    {RelationKind::replaces, "replaces", "Thay thế"},
    {RelationKind::guides, "guides", "Hướng dẫn, quy định chi tiết"},
    {RelationKind::cites, "cites", "Dẫn chiếu"},
});

std::string_view kind_slug(NodeKind k) { return core::slug_of(kNodeKindNames, k, "dieu"); }
std::string_view kind_label(NodeKind k) { return core::label_of(kNodeKindNames, k); }
std::optional<NodeKind> parse_kind(std::string_view slug) { return core::parse_slug(kNodeKindNames, slug); }

std::string_view item_kind_slug(ItemKind k) { return core::slug_of(kItemKindNames, k, "document"); }
std::string_view item_kind_label(ItemKind k) { return core::label_of(kItemKindNames, k); }
std::optional<ItemKind> parse_item_kind(std::string_view slug) { return core::parse_slug(kItemKindNames, slug); }

std::string_view relation_slug(RelationKind k) { return core::slug_of(kRelationNames, k, "cites"); }
std::string_view relation_label(RelationKind k) { return core::label_of(kRelationNames, k); }
RelationKind parse_relation(std::string_view slug) {
  return core::parse_slug(kRelationNames, slug).value_or(RelationKind::cites);
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
