#pragma once
// The legal bookshelf's rules: importing documents (idempotent, all or nothing per file),
// reading them for pages and the API.
#include "auth/audit_log.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "library/document_repository.h"
#include "library/importers.h"

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

// A document's identity: its normalised số hiệu when it has one, else the source's own id.
std::string document_identity(const DocumentMeta& meta);

class LibraryService {
 public:
  LibraryService(db::Database& database, db::ChangeFeed& changes) : database_(database), changes_(changes) {}

  // Parses and stores one file in a single transaction; importing it again updates in place.
  FileReport import_file(const std::string& bytes, const std::string& name, const auth::Actor& actor);

  std::optional<Document> document(const std::string& slug);
  std::optional<Document> document(std::int64_t id);
  std::vector<Document> documents(const DocumentFilter& f);
  std::int64_t count(const DocumentFilter& f);
  std::vector<StoredNode> nodes(std::int64_t document_id);
  std::vector<DocumentRepository::RelationRow> relations(const Document& d);
  std::optional<Document> by_number(const std::string& number);

  // URL of the document a số hiệu names, or "" when it is not in the library.
  std::function<std::string(const std::string&)> number_linker();

  struct Facets {
    std::vector<std::pair<std::string, std::int64_t>> types, statuses, issuers, years;
  };
  Facets facets();

 private:
  ImportedDocument store(DocumentRepository& repo, ParsedDocument& pd, db::Connection& c, const auth::Actor& actor);
  db::Database& database_;
  db::ChangeFeed& changes_;
};

}  // namespace library
