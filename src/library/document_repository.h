#pragma once
// SQL for the legal bookshelf.
#include "db/database.h"
#include "library/model.h"

#include <functional>
#include <map>

namespace library {

struct DocumentFilter {
  std::optional<std::string> doc_type_slug;
  std::optional<std::string> status_slug;
  std::optional<std::string> field;   // lĩnh vực, matched as a substring of the stored list
  std::optional<std::string> issuer;  // exact
  std::optional<int> year;            // of issued_on
  std::optional<ItemKind> kind;
  std::size_t limit = 20, offset = 0;
};

// One searchable article (or a whole document without articles), with its document's data.
struct PassageRow {
  std::int64_t node_id = 0;  // 0 for a document without articles
  std::int64_t document_id = 0;
  std::string document_title, document_number, doc_type_slug, status_slug, document_slug, source_id;
  std::string article_number, title, text, anchor, source_ref;
  std::string status;  // validity as shown to people ("Còn hiệu lực") or ""
  std::string context;  // the titles of the section and chapter the article is in, "\n"-separated
};

class DocumentRepository {
 public:
  explicit DocumentRepository(db::Connection& c) : c_(c) {}

  std::optional<Document> find(std::int64_t id);
  std::optional<Document> find_by_slug(const std::string& slug);
  std::optional<Document> find_by_identity(const std::string& identity);
  std::int64_t insert(const Document& d);
  void update(const Document& d);
  void clear_structure(std::int64_t document_id);  // nodes and relations
  std::int64_t insert_node(const StoredNode& n);
  void insert_relation(std::int64_t document_id, const Relation& r, const std::string& target_identity);
  // Every slug that is `base` or starts with "base-" (one query).
  std::vector<std::string> slugs_starting(const std::string& base);

  std::vector<Document> list(const DocumentFilter& f);
  std::int64_t count(const DocumentFilter& f);
  std::vector<StoredNode> nodes(std::int64_t document_id);
  std::optional<StoredNode> node_by_anchor(std::int64_t document_id, const std::string& anchor);
  // Facets for browsing: value → number of documents.
  std::vector<std::pair<std::string, std::int64_t>> facet(const std::string& column);
  std::vector<std::pair<std::string, std::int64_t>> years();

  struct RelationRow {
    RelationKind kind;
    std::string target_number;
    std::optional<Document> target;  // when the cited document is in the library
    bool incoming = false;           // another document points at this one
    std::optional<Document> source;
  };
  std::vector<RelationRow> relations(const Document& d);
  // Documents by identity, for citation links.
  std::optional<Document> find_by_number_key(const std::string& key);

  // Every passage, or one document's, streamed to `sink` (the search index build).
  void passages(std::optional<std::int64_t> document_id, const std::function<void(PassageRow&&)>& sink);
  std::int64_t article_count();

  // The sources of documents (legal_document_sources): a source's document, a document's
  // sources (the first one first), every document's, and recording one (again).
  std::optional<std::int64_t> document_of_source(const std::string& source_id);
  std::vector<std::string> sources(std::int64_t document_id);
  std::map<std::int64_t, std::vector<std::string>> sources_by_document();
  void add_source(std::int64_t document_id, const DocumentMeta& meta);
  // Every legal document (not the other bookshelf items), to look for a twin among them.
  std::vector<Document> legal_documents();
  // The articles of a stored document: number → title and text.
  std::map<std::string, std::string> article_texts(std::int64_t document_id);
  // identity → slug of every document, to turn cited numbers into links.
  std::map<std::string, std::string> slugs_by_identity();

 private:
  db::Connection& c_;
};

}  // namespace library
