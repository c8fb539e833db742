#pragma once
// The bookshelf's search: an in-process index built from the database at start and kept current
// from the change feed ("library:<id>" refreshes one document; "*" rebuilds), on every node.
#include "db/change_feed.h"
#include "db/database.h"
#include "search/sourced_index.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <mutex>

namespace library {

// What a hit needs beyond the index: where it lives and where it came from.
struct PassageSource {
  std::int64_t document_id = 0;
  std::string document_slug;
  std::string anchor;       // "" for a document without articles
  std::string corpus_id;    // the document id as in the imported file
  std::string article_id;   // the article id as in the imported file
  std::string validity;     // the document's validity status, or "" when unknown
  std::vector<std::string> other_corpus_ids;  // the document's other sources (one law, one document)
};

class SearchService {
 public:
  SearchService(db::Database& database, db::ChangeFeed& changes);
  void rebuild();
  void refresh_document(std::int64_t document_id);
  search::Result search(const search::Query& q) const;
  std::optional<PassageSource> source(std::int64_t passage_id) const;
  std::optional<search::Passage> passage(std::int64_t passage_id) const { return index_.index().passage(passage_id); }
  // The accented spelling of a query typed without diacritics (search::Index::suggest).
  std::optional<std::string> suggest(const std::string& text) const { return index_.index().suggest(text); }
  // A hit as the API returns it.
  nlohmann::json hit_json(const search::Hit& hit) const;
  // The head of a query with its features, and the ranking in use (for `phobien train ranking`
  // and `phobien eval --weights`).
  std::vector<search::RankedCandidate> candidates(const search::Query& q) const { return index_.index().candidates(q); }
  search::Ranking ranking() const { return index_.index().ranking(); }
  // The thesaurus search uses: the curated file and the editors' entries (library/citizen_terms.h).
  std::shared_ptr<const text::Thesaurus> thesaurus() const { return index_.index().thesaurus(); }
  void set_ranking(const search::Ranking& r) { index_.index().set_ranking(r); }
  std::size_t passages() const { return index_.index().size(); }
  std::size_t memory_bytes() const { return index_.index().memory_bytes(); }

 private:
  db::Database& database_;
  search::SourcedIndex<PassageSource> index_;
  std::mutex refresh_mutex_;  // change-feed refreshes, in the order they read the database
};

// Passage ids: the article's node id, or minus the document id for a document without articles.
std::int64_t passage_id(std::int64_t node_id, std::int64_t document_id);

// "Tủ sách pháp luật chưa có «Luật Hộ tịch»": what the search page and the answers say of the
// documents a query names that the library does not hold (search::Result::missing_documents), and
// of the laws its subject belongs to that the library does not hold (Result::outside_library:
// "… chưa có «Luật Doanh nghiệp» (văn bản quy định về «công ty hợp danh»)"). "" when both are empty.
std::string not_held(const std::vector<std::string>& missing_documents, const std::vector<search::OutsideLaw>& outside_library = {});
// `outside_library` in the APIs: [{"law": "Luật Doanh nghiệp", "phrase": "công ty hợp danh"}].
nlohmann::json outside_library_json(const std::vector<search::OutsideLaw>& outside_library);

}  // namespace library
