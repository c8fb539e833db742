#pragma once
// The legal bookshelf's rules: importing documents (idempotent, all or nothing per file),
// reading them for pages and the API.
#include "auth/audit_log.h"
#include "core/error.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "library/citation_links.h"
#include "library/document_repository.h"
#include "library/importers.h"

#include <memory>
#include <mutex>

namespace library {

struct ImportedDocument {
  std::int64_t id = 0;
  std::string title;
  std::string number;
  std::string slug;
  TreeCounts counts;
  bool created = false;
  std::vector<std::string> notes;
};

struct FileReport {
  std::string file;
  std::string format;  // "" when the file could not be read
  std::vector<ImportedDocument> documents;
  std::optional<ParseError> error;  // nothing of the file was stored when set
  bool ok() const { return !error; }
};

struct UploadedItemFile {
  std::string name;  // as the browser sent it, shown to people only
  std::string data;
};

// A bookshelf item that is not imported text: a book, a law-introduction outline, a leaflet, a
// legal situation, with its file (PDF or image).
struct ItemInput {
  ItemKind kind = ItemKind::book;
  std::string title;
  std::string summary;
  std::string fields;  // lĩnh vực from the shared list (legal_fields), separated by ";"
  std::optional<UploadedItemFile> file;
};

struct StoredFile {
  std::int64_t id = 0;
  std::int64_t document_id = 0;
  std::string file_name;  // under uploads/library/
  std::string original_name;
  std::string content_type;
  std::int64_t bytes = 0;
};

constexpr std::size_t kMaxItemFileBytes = 10 * 1024 * 1024;

// A document's identity: its normalised số hiệu when it has one, else the source's own id.
std::string document_identity(const DocumentMeta& meta);

class LibraryService {
 public:
  LibraryService(db::Database& database, db::ChangeFeed& changes, std::string uploads_dir = "")
      : database_(database), changes_(changes), uploads_dir_(std::move(uploads_dir)) {}

  // Parses and stores one file in a single transaction; importing it again updates in place.
  FileReport import_file(const std::string& bytes, const std::string& name, const auth::Actor& actor);

  std::optional<Document> document(const std::string& slug);
  std::optional<Document> document(std::int64_t id);
  std::vector<Document> documents(const DocumentFilter& f);
  std::int64_t count(const DocumentFilter& f);
  std::vector<StoredNode> nodes(std::int64_t document_id);
  std::vector<DocumentRepository::RelationRow> relations(const Document& d);
  std::optional<Document> by_number(const std::string& number);

  core::Result<Document> add_item(const ItemInput& in, const auth::Actor& actor);
  // Names of the legal fields (lĩnh vực): one list shared with consultation and statistics
  // (table legal_fields). Items added by hand take their fields from it.
  std::vector<std::string> legal_fields();
  std::vector<StoredFile> files(std::int64_t document_id);
  std::optional<StoredFile> file(std::int64_t id);
  std::string file_path(const StoredFile& f) const;

  // What citations in text can link to; rebuilt after the library changes (invalidate_links).
  std::shared_ptr<const LinkTable> link_table();
  void invalidate_links();

  struct Facets {
    std::vector<std::pair<std::string, std::int64_t>> types, statuses, issuers, years;
  };
  Facets facets();

 private:
  ImportedDocument store(DocumentRepository& repo, ParsedDocument& pd, db::Connection& c, const auth::Actor& actor);
  // Another source of a document the library holds: recorded, nothing else changes.
  ImportedDocument add_twin_source(DocumentRepository& repo, const Document& twin, const ParsedDocument& pd, db::Connection& c,
                                   const auth::Actor& actor);
  db::Database& database_;
  db::ChangeFeed& changes_;
  std::string uploads_dir_;
  std::mutex links_mutex_;
  std::shared_ptr<const LinkTable> links_;
};

}  // namespace library
