#include "library/library_service.h"

#include <algorithm>

#include "core/media.h"
#include "core/random.h"
#include "core/strings.h"
#include "core/time.h"
#include "core/utf8.h"
#include "library/metadata.h"
#include "library/twins.h"
#include "text/document_number.h"
#include "text/vietnamese.h"
#include "library/document_numbers.h"

#include <filesystem>
#include <fstream>
#include <set>

namespace library {

std::string document_identity(const DocumentMeta& meta) {
  if (!meta.number.empty()) return "so:" + number_identity_key(meta.number);
  return "id:" + core::slugify(meta.source_id, 200);
}

namespace {

// Field names are separated by ";": the names themselves may hold commas ("Thuế, tài chính").
std::vector<std::string> split_field_names(const std::string& list) { return core::split_clean(list, ';'); }

std::string node_anchor(const Node& n, const std::string& parent_anchor) {
  std::string number = n.number == "đ" ? "dd" : core::slugify(n.number);
  switch (n.kind) {
    case NodeKind::part: return "phan-" + number;
    case NodeKind::chapter: return "chuong-" + number;
    case NodeKind::section: return parent_anchor + "-muc-" + number;
    case NodeKind::article: return "dieu-" + number;
    case NodeKind::clause: return parent_anchor + "-khoan-" + number;
    case NodeKind::point: return parent_anchor + "-diem-" + number;
  }
  return number;
}

struct NodeWriter {
  DocumentRepository& repo;
  std::int64_t document_id;
  int position = 0;
  std::set<std::string> anchors;

  void write(const std::vector<Node>& nodes, std::optional<std::int64_t> parent, const std::string& parent_anchor) {
    for (const auto& n : nodes) {
      std::string anchor = node_anchor(n, parent_anchor);
      for (int i = 2; anchors.count(anchor); ++i) anchor = node_anchor(n, parent_anchor) + "-" + std::to_string(i);
      anchors.insert(anchor);
      StoredNode s{0, document_id, parent, n.kind, n.number, n.title, n.text, anchor, position++, n.source_ref};
      auto id = repo.insert_node(s);
      write(n.children, id, anchor);
    }
  }
};

std::string unique_slug(DocumentRepository& repo, const DocumentMeta& meta) {
  std::string base = core::slugify(meta.title, 70);
  if (!meta.number.empty() && base.find(core::slugify(meta.number)) == std::string::npos)
    base += (base.empty() ? "" : "-") + core::slugify(meta.number);
  if (base.empty()) base = "van-ban";
  return core::first_free_slug(base, repo.slugs_starting(base));
}

// Keeps what an earlier import knew when this source says nothing about it.
void merge(DocumentMeta& into, const DocumentMeta& from) {
  auto keep = [](std::string& a, const std::string& b) {
    if (!b.empty()) a = b;
  };
  // A title that is just the number (ALQAC-style ids) does not replace a real title.
  if (!from.title.empty() && !(from.title == from.number && !into.title.empty() && into.title != into.number)) into.title = from.title;
  keep(into.number, from.number);
  keep(into.doc_type, from.doc_type);
  keep(into.issuer, from.issuer);
  keep(into.signer, from.signer);
  keep(into.issued_on, from.issued_on);
  keep(into.effective_on, from.effective_on);
  keep(into.status, from.status);
  keep(into.summary, from.summary);
  if (!from.fields.empty()) into.fields = from.fields;
  into.kind = from.kind;
  into.source_format = from.source_format;
  into.source_file = from.source_file;
  if (into.source_id.empty()) into.source_id = from.source_id;  // the first source stays the document's (all: legal_document_sources)
}

// The document this parsed one is another source of (one law, one document): the document this
// source was merged into before, else a twin of another number rank (library/twins.h), since
// documents with the same số hiệu already share an identity.
std::optional<Document> find_twin(DocumentRepository& repo, const ParsedDocument& pd) {
  if (pd.meta.kind != ItemKind::document) return std::nullopt;
  const auto key = twin_title_key(pd.meta.title);
  const auto articles = article_texts(pd.tree);
  const int rank = number_rank(pd.meta);
  // A source merged before (its own identity is gone), if its text still is that document's.
  if (auto id = rank < 2 ? repo.document_of_source(pd.meta.source_id) : std::nullopt)
    if (auto merged = repo.find(*id); merged && same_law({pd.meta, articles}, {merged->meta, repo.article_texts(merged->id)})) return merged;
  for (auto& candidate : repo.legal_documents()) {
    if (number_rank(candidate.meta) == rank) continue;
    if (!title_is_number(pd.meta) && !title_is_number(candidate.meta) && twin_title_key(candidate.meta.title) != key) continue;
    if (same_law({pd.meta, articles}, {candidate.meta, repo.article_texts(candidate.id)})) return std::move(candidate);
  }
  return std::nullopt;
}

}  // namespace

ImportedDocument LibraryService::store(DocumentRepository& repo, ParsedDocument& pd, db::Connection& c, const auth::Actor& actor) {
  Document d;
  d.identity = document_identity(pd.meta);
  auto existing = repo.find_by_identity(d.identity);
  if (!existing) {
    if (auto twin = find_twin(repo, pd)) {
      // A copy the library names better stays as it is; a copy it names less well becomes this
      // document, keeping its id and links.
      if (number_rank(pd.meta) < number_rank(twin->meta)) return add_twin_source(repo, *twin, pd, c, actor);
      existing = std::move(twin);
    }
  }
  if (existing) {
    d = *existing;
    merge(d.meta, pd.meta);
    d.identity = document_identity(d.meta);
  } else {
    d.meta = pd.meta;
    d.slug = unique_slug(repo, pd.meta);
  }
  d.meta.doc_type = canonical_type(d.meta.doc_type, d.meta.title, d.meta.number);
  d.meta.status = canonical_status(d.meta.status, d.meta.effective_on, core::format_rfc3339(core::now_unix()).substr(0, 10));
  d.doc_type_slug = core::slugify(d.meta.doc_type);
  d.status_slug = status_slug(d.meta.status);
  d.body = pd.body;
  if (existing) {
    repo.update(d);
    repo.clear_structure(d.id);
  } else {
    d.id = repo.insert(d);
  }
  repo.add_source(d.id, pd.meta);
  NodeWriter writer{repo, d.id};
  writer.write(pd.tree, std::nullopt, "");
  for (const auto& r : pd.relations) repo.insert_relation(d.id, r, "so:" + number_identity_key(r.target_number));
  changes_.record(c, "library:" + std::to_string(d.id));
  auth::record_audit(c, actor, existing ? "library.update" : "library.import", "document:" + std::to_string(d.id),
                     d.meta.title + " (" + pd.meta.source_file + ")");
  return {d.id, d.meta.title, d.meta.number, d.slug, count_nodes(pd.tree), !existing, pd.notes};
}

ImportedDocument LibraryService::add_twin_source(DocumentRepository& repo, const Document& twin, const ParsedDocument& pd, db::Connection& c,
                                                 const auth::Actor& actor) {
  repo.add_source(twin.id, pd.meta);
  changes_.record(c, "library:" + std::to_string(twin.id));
  auth::record_audit(c, actor, "library.source", "document:" + std::to_string(twin.id), pd.meta.source_id + " (" + pd.meta.source_file + ")");
  ImportedDocument out{twin.id, twin.meta.title, twin.meta.number, twin.slug, {}, false, pd.notes};
  out.notes.push_back("«" + pd.meta.source_id + "» là văn bản đã có trong tủ sách (" + twin.meta.title +
                      (twin.meta.number.empty() ? "" : ", số hiệu " + twin.meta.number) + "): ghi nhận thêm nguồn, không tạo bản thứ hai.");
  return out;
}

FileReport LibraryService::import_file(const std::string& bytes, const std::string& name, const auth::Actor& actor) {
  FileReport report;
  report.file = name;
  auto parsed = parse_source(bytes, name);
  if (auto* e = std::get_if<ParseError>(&parsed)) {
    report.error = *e;
    return report;
  }
  auto& file = std::get<ParsedFile>(parsed);
  report.format = std::string(format_name(file.format));
  if (file.documents.empty()) {
    report.error = ParseError{"tệp", "không có văn bản nào"};
    return report;
  }
  std::vector<std::string> topics;
  {
    auto c = database_.acquire();
    db::Transaction tx(*c);
    DocumentRepository repo(*c);
    for (auto& pd : file.documents) report.documents.push_back(store(repo, pd, *c, actor));
    tx.commit();
  }
  for (const auto& d : report.documents) changes_.notify("library:" + std::to_string(d.id));
  return report;
}

std::optional<Document> LibraryService::document(const std::string& slug) {
  auto c = database_.acquire();
  return DocumentRepository(*c).find_by_slug(slug);
}

std::optional<Document> LibraryService::document(std::int64_t id) {
  auto c = database_.acquire();
  return DocumentRepository(*c).find(id);
}

std::vector<Document> LibraryService::documents(const DocumentFilter& f) {
  auto c = database_.acquire();
  return DocumentRepository(*c).list(f);
}

std::int64_t LibraryService::count(const DocumentFilter& f) {
  auto c = database_.acquire();
  return DocumentRepository(*c).count(f);
}

std::vector<StoredNode> LibraryService::nodes(std::int64_t document_id) {
  auto c = database_.acquire();
  return DocumentRepository(*c).nodes(document_id);
}

std::vector<DocumentRepository::RelationRow> LibraryService::relations(const Document& d) {
  auto c = database_.acquire();
  return DocumentRepository(*c).relations(d);
}

std::optional<Document> LibraryService::by_number(const std::string& number) {
  auto c = database_.acquire();
  return DocumentRepository(*c).find_by_number_key(number_identity_key(number));
}

std::shared_ptr<const LinkTable> LibraryService::link_table() {
  std::lock_guard lock(links_mutex_);
  if (links_) return links_;
  auto table = std::make_shared<LinkTable>();
  auto c = database_.acquire();
  for (const auto& r : c->query("SELECT slug, number, title FROM legal_documents WHERE kind = 'document'")) {
    if (auto key = text::document_number_key(r.text(1)); !key.empty()) table->slug_by_number_key.emplace(key, r.text(0));
    // "Bộ luật dân sự 2015" is cited as "Bộ luật Dân sự" too.
    std::string title = text::title_key(r.text(2));
    table->slug_by_title_key.emplace(title, r.text(0));
    auto last_space = title.rfind(' ');
    if (last_space != std::string::npos && title.size() - last_space == 5 && std::isdigit(static_cast<unsigned char>(title.back())))
      table->slug_by_title_key.emplace(title.substr(0, last_space), r.text(0));
  }
  for (const auto& r : c->query("SELECT d.slug, n.number FROM legal_nodes n JOIN legal_documents d ON d.id = n.document_id WHERE n.kind = 'dieu'"))
    table->articles[r.text(0)].insert(r.text(1));
  links_ = table;
  return links_;
}

void LibraryService::invalidate_links() {
  std::lock_guard lock(links_mutex_);
  links_.reset();
}

std::vector<std::string> LibraryService::legal_fields() {
  auto c = database_.acquire();
  std::vector<std::string> out;
  for (const auto& r : c->query("SELECT name FROM legal_fields ORDER BY position, name")) out.push_back(r.text(0));
  return out;
}

core::Result<Document> LibraryService::add_item(const ItemInput& in, const auth::Actor& actor) {
  std::map<std::string, std::string> errors;
  std::string title = core::clean_text(in.title);
  if (in.kind == ItemKind::document) errors["kind"] = "Vui lòng chọn loại tài liệu.";
  if (title.empty()) errors["title"] = "Vui lòng nhập tên tài liệu.";
  else if (core::utf8_length(title) > 300) errors["title"] = "Tên tài liệu không được dài quá 300 ký tự.";
  if (core::utf8_length(in.summary) > 5000) errors["summary"] = "Mô tả không được dài quá 5000 ký tự.";
  auto known = legal_fields();
  for (const auto& f : split_field_names(in.fields))
    if (std::find(known.begin(), known.end(), f) == known.end()) errors["fields"] = "Lĩnh vực «" + f + "» không có trong danh sách lĩnh vực.";
  std::optional<std::string> type;
  if (!in.file) errors["file"] = "Vui lòng chọn tệp (PDF hoặc ảnh).";
  else if (in.file->data.size() > kMaxItemFileBytes) errors["file"] = "Tệp không được lớn hơn 10 MB.";
  else if (!(type = core::sniff_document_type(in.file->data))) errors["file"] = "Chỉ nhận tệp PDF, JPEG, PNG, WebP hoặc GIF (kiểm tra theo nội dung tệp).";
  if (!errors.empty()) return core::fail(core::ServiceError::invalid("Vui lòng kiểm tra lại tài liệu.", errors));

  std::filesystem::path dir = std::filesystem::path(uploads_dir_) / "library";
  std::filesystem::create_directories(dir);
  std::string stored = core::random_token(12) + "." + *type;
  {
    std::ofstream out(dir / (stored + ".tmp"), std::ios::binary);
    out.write(in.file->data.data(), static_cast<std::streamsize>(in.file->data.size()));
    if (!out) throw std::runtime_error("cannot write upload");
  }
  std::filesystem::rename(dir / (stored + ".tmp"), dir / stored);

  Document d;
  d.meta.kind = in.kind;
  d.meta.title = title;
  d.meta.summary = core::clean_text(in.summary);
  d.meta.fields = split_field_names(in.fields);
  d.meta.source_format = "upload";
  d.meta.source_file = core::clean_text(in.file->name);
  d.meta.source_id = "item-" + core::random_token(9);
  d.identity = "item:" + d.meta.source_id;
  auto c = database_.acquire();
  db::Transaction tx(*c);
  DocumentRepository repo(*c);
  d.slug = unique_slug(repo, d.meta);
  d.id = repo.insert(d);
  c->execute("INSERT INTO library_files (document_id, file_name, original_name, content_type, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)",
             {d.id, stored, d.meta.source_file, std::string(core::document_content_type(*type)),
              static_cast<std::int64_t>(in.file->data.size()), core::now_unix()});
  changes_.record(*c, "library:" + std::to_string(d.id));
  auth::record_audit(*c, actor, "library.item", "document:" + std::to_string(d.id), title);
  tx.commit();
  changes_.notify("library:" + std::to_string(d.id));
  return d;
}

std::vector<StoredFile> LibraryService::files(std::int64_t document_id) {
  auto c = database_.acquire();
  std::vector<StoredFile> out;
  for (const auto& r : c->query("SELECT id, document_id, file_name, original_name, content_type, bytes FROM library_files WHERE document_id = ? ORDER BY id", {document_id}))
    out.push_back({r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.int64(5)});
  return out;
}

std::optional<StoredFile> LibraryService::file(std::int64_t id) {
  auto c = database_.acquire();
  auto r = c->query_one("SELECT id, document_id, file_name, original_name, content_type, bytes FROM library_files WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return StoredFile{r->int64(0), r->int64(1), r->text(2), r->text(3), r->text(4), r->int64(5)};
}

std::string LibraryService::file_path(const StoredFile& f) const { return uploads_dir_ + "/library/" + f.file_name; }

LibraryService::Facets LibraryService::facets() {
  auto c = database_.acquire();
  DocumentRepository repo(*c);
  return {repo.facet("doc_type"), repo.facet("status"), repo.facet("issuer"), repo.years()};
}

}  // namespace library
