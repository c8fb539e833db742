#include "library/document_repository.h"

#include "core/strings.h"
#include "core/time.h"
#include "db/rows.h"
#include "db/where.h"

namespace library {

namespace {
constexpr const char* kColumns =
    "id, identity, slug, kind, number, title, doc_type, doc_type_slug, issuer, signer, issued_on, effective_on, "
    "status, status_slug, fields, summary, source_format, source_file, source_id, body, updated_at";

std::vector<std::string> split_fields(const std::string& s) {
  std::vector<std::string> out;
  for (auto& field : core::split(s, "; "))
    if (!field.empty()) out.push_back(std::move(field));
  return out;
}

Document from_row(const db::Row& r) {
  Document d;
  std::string kind, fields;
  auto& m = d.meta;
  db::read_row(r, d.id, d.identity, d.slug, kind, m.number, m.title, m.doc_type, d.doc_type_slug, m.issuer, m.signer,
               m.issued_on, m.effective_on, m.status, d.status_slug, fields, m.summary, m.source_format, m.source_file,
               m.source_id, d.body, d.updated_at);
  m.kind = parse_item_kind(kind).value_or(ItemKind::document);
  m.fields = split_fields(fields);
  return d;
}

// "SELECT <every document column> FROM legal_documents " + rest.
std::string select_documents(std::string_view rest) {
  return std::string("SELECT ") + kColumns + " FROM legal_documents " + std::string(rest);
}

db::Params document_params(const Document& d) {
  return {d.identity, d.slug, std::string(item_kind_slug(d.meta.kind)), d.meta.number, d.meta.title, d.meta.doc_type,
          d.doc_type_slug, d.meta.issuer, d.meta.signer, d.meta.issued_on, d.meta.effective_on, d.meta.status,
          d.status_slug, core::join(d.meta.fields, "; "), d.meta.summary, d.meta.source_format, d.meta.source_file,
          d.meta.source_id, d.body};
}

std::string where(const DocumentFilter& f, db::Params& p) {
  db::Where w(p);
  w.add_if("doc_type_slug = ?", f.doc_type_slug);
  w.add_if("status_slug = ?", f.status_slug);
  if (f.field) w.add("fields LIKE ?", "%" + *f.field + "%");
  w.add_if("issuer = ?", f.issuer);
  if (f.year) w.add("issued_on LIKE ?", std::to_string(*f.year) + "-%");
  if (f.kind) w.add("kind = ?", std::string(item_kind_slug(*f.kind)));
  return " " + w.sql();
}

StoredNode node_from_row(const db::Row& r) {
  StoredNode n;
  std::string kind;
  db::read_row(r, n.id, n.document_id, n.parent_id, kind, n.number, n.title, n.text, n.anchor, n.position, n.source_ref);
  n.kind = parse_kind(kind).value_or(NodeKind::article);
  return n;
}
constexpr const char* kNodeColumns = "id, document_id, parent_id, kind, number, title, text, anchor, position, source_ref";
}  // namespace

std::optional<Document> DocumentRepository::find(std::int64_t id) {
  return db::map_row(c_.query_one(select_documents("WHERE id = ?"), {id}), from_row);
}

std::optional<Document> DocumentRepository::find_by_slug(const std::string& slug) {
  return db::map_row(c_.query_one(select_documents("WHERE slug = ?"), {slug}), from_row);
}

std::optional<Document> DocumentRepository::find_by_identity(const std::string& identity) {
  return db::map_row(c_.query_one(select_documents("WHERE identity = ?"), {identity}), from_row);
}

std::optional<Document> DocumentRepository::find_by_number_key(const std::string& key) { return find_by_identity("so:" + key); }

std::int64_t DocumentRepository::insert(const Document& d) {
  auto p = document_params(d);
  auto now = core::now_unix();
  p.push_back(now);
  p.push_back(now);
  return c_.query_int(
      "INSERT INTO legal_documents (identity, slug, kind, number, title, doc_type, doc_type_slug, issuer, signer, "
      "issued_on, effective_on, status, status_slug, fields, summary, source_format, source_file, source_id, body, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      p);
}

void DocumentRepository::update(const Document& d) {
  auto p = document_params(d);
  p.push_back(core::now_unix());
  p.push_back(d.id);
  c_.execute(
      "UPDATE legal_documents SET identity = ?, slug = ?, kind = ?, number = ?, title = ?, doc_type = ?, "
      "doc_type_slug = ?, issuer = ?, signer = ?, issued_on = ?, effective_on = ?, status = ?, status_slug = ?, "
      "fields = ?, summary = ?, source_format = ?, source_file = ?, source_id = ?, body = ?, updated_at = ? WHERE id = ?",
      p);
}

void DocumentRepository::clear_structure(std::int64_t document_id) {
  c_.execute("DELETE FROM legal_nodes WHERE document_id = ?", {document_id});
  c_.execute("DELETE FROM legal_relations WHERE document_id = ?", {document_id});
}

std::int64_t DocumentRepository::insert_node(const StoredNode& n) {
  return c_.query_int(
      "INSERT INTO legal_nodes (document_id, parent_id, kind, number, title, text, anchor, position, source_ref) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {n.document_id, db::opt(n.parent_id), std::string(kind_slug(n.kind)), n.number, n.title, n.text, n.anchor,
       std::int64_t(n.position), n.source_ref});
}

void DocumentRepository::insert_relation(std::int64_t document_id, const Relation& r, const std::string& target_identity) {
  c_.execute(
      "INSERT INTO legal_relations (document_id, kind, target_identity, target_number) VALUES (?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING",
      {document_id, std::string(relation_slug(r.kind)), target_identity, r.target_number});
}

std::vector<std::string> DocumentRepository::slugs_starting(const std::string& base) {
  // Slugs are [a-z0-9-] (core::slugify): nothing in `base` is a LIKE wildcard.
  std::vector<std::string> out;
  for (const auto& r : c_.query("SELECT slug FROM legal_documents WHERE slug = ? OR slug LIKE ?", {base, base + "-%"}))
    out.push_back(r.text(0));
  return out;
}

std::vector<Document> DocumentRepository::list(const DocumentFilter& f) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kColumns + " FROM legal_documents" + where(f, p) +
                    " ORDER BY issued_on DESC, title LIMIT ? OFFSET ?";
  p.push_back(std::int64_t(f.limit));
  p.push_back(std::int64_t(f.offset));
  return db::map_rows(c_.query(sql, p), from_row);
}

std::int64_t DocumentRepository::count(const DocumentFilter& f) {
  db::Params p;
  return c_.query_int("SELECT COUNT(*) FROM legal_documents" + where(f, p), p);
}

std::vector<StoredNode> DocumentRepository::nodes(std::int64_t document_id) {
  return db::map_rows(c_.query(std::string("SELECT ") + kNodeColumns + " FROM legal_nodes WHERE document_id = ? ORDER BY position", {document_id}),
                      node_from_row);
}

std::optional<StoredNode> DocumentRepository::node_by_anchor(std::int64_t document_id, const std::string& anchor) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kNodeColumns + " FROM legal_nodes WHERE document_id = ? AND anchor = ?",
                                  {document_id, anchor}),
                     node_from_row);
}

std::vector<std::pair<std::string, std::int64_t>> DocumentRepository::facet(const std::string& column) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  // `column` is one of a fixed set chosen by the caller, never user input.
  for (const auto& r : c_.query("SELECT " + column + ", COUNT(*) FROM legal_documents WHERE " + column +
                                " <> '' GROUP BY " + column + " ORDER BY COUNT(*) DESC, " + column))
    out.emplace_back(r.text(0), r.int64(1));
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> DocumentRepository::years() {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : c_.query("SELECT SUBSTR(issued_on, 1, 4) AS y, COUNT(*) FROM legal_documents WHERE issued_on <> '' "
                                "GROUP BY SUBSTR(issued_on, 1, 4) ORDER BY y DESC"))
    out.emplace_back(r.text(0), r.int64(1));
  return out;
}

std::vector<DocumentRepository::RelationRow> DocumentRepository::relations(const Document& d) {
  std::vector<RelationRow> out;
  for (const auto& r : c_.query("SELECT kind, target_number, target_identity FROM legal_relations WHERE document_id = ? ORDER BY id", {d.id})) {
    RelationRow row{parse_relation(r.text(0)), r.text(1), find_by_identity(r.text(2)), false, std::nullopt};
    out.push_back(std::move(row));
  }
  for (const auto& r : c_.query("SELECT kind, document_id FROM legal_relations WHERE target_identity = ? ORDER BY id", {d.identity})) {
    RelationRow row{parse_relation(r.text(0)), d.meta.number, std::nullopt, true, find(r.int64(1))};
    out.push_back(std::move(row));
  }
  return out;
}

void DocumentRepository::passages(std::optional<std::int64_t> document_id, const std::function<void(PassageRow&&)>& sink) {
  db::Params p;
  std::string filter;
  if (document_id) {
    filter = " AND d.id = ?";
    p.emplace_back(*document_id);
  }
  // An article's context: the titles of the two levels above it (section and chapter, or chapter and part).
  for (auto& r : c_.query("SELECT n.id, d.id, d.title, d.number, d.doc_type_slug, d.status_slug, d.slug, d.source_id, "
                          "n.number, n.title, n.text, n.anchor, n.source_ref, d.status, COALESCE(p1.title, ''), COALESCE(p2.title, '') "
                          "FROM legal_nodes n JOIN legal_documents d ON d.id = n.document_id "
                          "LEFT JOIN legal_nodes p1 ON p1.id = n.parent_id LEFT JOIN legal_nodes p2 ON p2.id = p1.parent_id "
                          "WHERE n.kind = 'dieu'" + filter + " ORDER BY n.id", p)) {
    std::string context = r.text(14);
    if (!r.text(15).empty()) context += (context.empty() ? "" : "\n") + r.text(15);
    sink({r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8), r.text(9),
          r.text(10), r.text(11), r.text(12), r.text(13), std::move(context)});
  }
  // Documents without articles are searchable as a whole.
  for (auto& r : c_.query("SELECT d.id, d.title, d.number, d.doc_type_slug, d.status_slug, d.slug, d.source_id, d.body, d.status "
                          "FROM legal_documents d WHERE d.body <> ''" + filter + " ORDER BY d.id", p))
    sink({0, r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), "", "", r.text(7), "", "", r.text(8), ""});
}

std::map<std::string, std::string> DocumentRepository::slugs_by_identity() {
  std::map<std::string, std::string> out;
  for (const auto& r : c_.query("SELECT identity, slug FROM legal_documents WHERE identity LIKE 'so:%'")) out[r.text(0)] = r.text(1);
  return out;
}

std::optional<std::int64_t> DocumentRepository::document_of_source(const std::string& source_id) {
  auto r = c_.query_one("SELECT document_id FROM legal_document_sources WHERE source_id = ? ORDER BY document_id LIMIT 1", {source_id});
  if (!r) return std::nullopt;
  return r->int64(0);
}

std::vector<std::string> DocumentRepository::sources(std::int64_t document_id) {
  std::vector<std::string> out;
  for (const auto& r : c_.query("SELECT source_id FROM legal_document_sources WHERE document_id = ? ORDER BY id", {document_id}))
    out.push_back(r.text(0));
  return out;
}

std::map<std::int64_t, std::vector<std::string>> DocumentRepository::sources_by_document() {
  std::map<std::int64_t, std::vector<std::string>> out;
  for (const auto& r : c_.query("SELECT document_id, source_id FROM legal_document_sources ORDER BY id")) out[r.int64(0)].push_back(r.text(1));
  return out;
}

void DocumentRepository::add_source(std::int64_t document_id, const DocumentMeta& meta) {
  c_.execute(
      "INSERT INTO legal_document_sources (document_id, source_id, source_format, source_file) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (document_id, source_id) DO UPDATE SET source_format = excluded.source_format, source_file = excluded.source_file",
      {document_id, meta.source_id, meta.source_format, meta.source_file});
}

std::vector<Document> DocumentRepository::legal_documents() {
  return db::map_rows(c_.query(select_documents("WHERE kind = 'document' ORDER BY id")), from_row);
}

std::map<std::string, std::string> DocumentRepository::article_texts(std::int64_t document_id) {
  std::map<std::string, std::string> out;
  for (const auto& r : c_.query("SELECT number, title, text FROM legal_nodes WHERE document_id = ? AND kind = 'dieu'", {document_id}))
    out.emplace(r.text(0), r.text(1) + "\n" + r.text(2));
  return out;
}

std::int64_t DocumentRepository::article_count() { return c_.query_int("SELECT COUNT(*) FROM legal_nodes WHERE kind = 'dieu'"); }

}  // namespace library
