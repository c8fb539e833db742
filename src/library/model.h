#pragma once
// The electronic legal bookshelf (tủ sách pháp luật điện tử): legal documents and other
// bookshelf items, their structure Phần / Chương / Mục / Điều / Khoản / Điểm, and relations.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace library {

enum class NodeKind { part, chapter, section, article, clause, point };  // phần, chương, mục, điều, khoản, điểm
std::string_view kind_slug(NodeKind k);   // "phan", "chuong", "muc", "dieu", "khoan", "diem"
std::string_view kind_label(NodeKind k);  // "Phần", "Chương", ...
std::optional<NodeKind> parse_kind(std::string_view slug);

struct Node {
  NodeKind kind = NodeKind::article;
  std::string number;      // as written: "thứ nhất", "IV", "2", "32", "19a", "đ"
  std::string title;       // heading text after the number (articles, chapters, ...)
  std::string text;        // article: the body with its clauses and points; clause/point: its own lines
  std::string source_ref;  // the article id exactly as in the imported file
  std::vector<Node> children;
};

// Bookshelf item kinds: legal documents and the other items officials publish.
enum class ItemKind { document, book, outline, leaflet, situation };
std::string_view item_kind_slug(ItemKind k);   // "document", "book", "outline", "leaflet", "situation"
std::string_view item_kind_label(ItemKind k);  // "Văn bản pháp luật", "Sách", "Đề cương giới thiệu luật", ...
std::optional<ItemKind> parse_item_kind(std::string_view slug);

enum class RelationKind { amends, replaces, guides, cites };
std::string_view relation_slug(RelationKind k);
std::string_view relation_label(RelationKind k);  // "Sửa đổi, bổ sung", "Thay thế", "Hướng dẫn", "Dẫn chiếu"
RelationKind parse_relation(std::string_view slug);  // cites for anything unknown

struct Relation {
  RelationKind kind = RelationKind::cites;
  std::string target_number;  // as written in the text
};

struct DocumentMeta {
  ItemKind kind = ItemKind::document;
  std::string number;  // số hiệu
  std::string title;
  std::string doc_type;  // "Luật", "Nghị định", ...
  std::string issuer;
  std::string signer;
  std::string issued_on;     // ISO yyyy-mm-dd or ""
  std::string effective_on;  // ISO yyyy-mm-dd or ""
  std::string status;        // "Còn hiệu lực", "Hết hiệu lực một phần", "Hết hiệu lực" or ""
  std::vector<std::string> fields;  // lĩnh vực
  std::string summary;
  std::string source_format;  // "alqac-json", "code-json", "markdown", "text"
  std::string source_file;
  std::string source_id;  // the document's id as in the source
};

// What an importer produces from one source document.
struct ParsedDocument {
  DocumentMeta meta;
  std::vector<Node> tree;  // top-level nodes (parts, chapters, or articles directly)
  std::string body;        // the whole text when the document has no articles
  std::vector<Relation> relations;
  std::vector<std::string> notes;  // Vietnamese remarks for the import report
};

// Stored documents as the pages and the API see them.
struct Document {
  std::int64_t id = 0;
  std::string identity;
  std::string slug;
  DocumentMeta meta;
  std::string doc_type_slug;
  std::string status_slug;
  std::string body;
  std::int64_t updated_at = 0;
};

struct StoredNode {
  std::int64_t id = 0;
  std::int64_t document_id = 0;
  std::optional<std::int64_t> parent_id;
  NodeKind kind = NodeKind::article;
  std::string number;
  std::string title;
  std::string text;
  std::string anchor;
  int position = 0;
  std::string source_ref;
};

// Counts of every node kind in a tree (used by reports and tests).
struct TreeCounts {
  std::size_t parts = 0, chapters = 0, sections = 0, articles = 0, clauses = 0, points = 0;
};
TreeCounts count_nodes(const std::vector<Node>& tree);

// ASCII slug of a validity status ("con-hieu-luc", "het-hieu-luc-mot-phan", "het-hieu-luc", "").
std::string status_slug(std::string_view status);

}  // namespace library
