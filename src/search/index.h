#pragma once
// The in-process search index of the legal bookshelf: Vietnamese analysis → postings → BM25F
// ranking → snippets. Each node builds it from the database (one Passage per article, or per
// document without articles) and keeps it current from the change log.
//
//   search::Index index;
//   index.upsert({.id = 7, .document_id = 1, .document_title = "Bộ luật Lao động", ...});
//   auto r = index.search({.text = "thoi gian thu viec"});  // r.suggestion: "thời gian thử việc"
//
// Thread-safe: any number of concurrent search() calls; upsert/remove take an exclusive lock.
#include "search/learned_ranking.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace text {
class Thesaurus;
}

namespace search {

struct Passage {                 // one searchable unit: an article (Điều), or a whole document that has no articles
  std::int64_t id = 0;           // unique across the index (the article's database id)
  std::int64_t document_id = 0;
  std::string document_title;    // "Bộ luật dân sự", "Luật Phòng, chống ma túy", or an id such as "91/2015/QH13"
  std::string document_number;   // số hiệu, e.g. "100/2019/NĐ-CP", or "" when unknown
  std::string document_type;     // ASCII slug filter value, e.g. "luat", "nghi-dinh", "bo-luat" ("" when unknown)
  std::string status;            // ASCII slug filter value, e.g. "con-hieu-luc" ("" when unknown)
  std::string article_number;    // "32", "2a", or "" for a document without articles
  std::string title;             // the article's title (may be empty)
  std::string text;              // the article's body (NFC UTF-8), clauses "1." and points "a)" kept
  std::string context;           // the headings above the article ("Thời giờ làm việc, thời giờ nghỉ ngơi"), searched with the document's title
};

struct Query {
  std::string text;              // raw user input, any case, with or without diacritics, may contain quotes
  std::size_t limit = 10, offset = 0;
  std::optional<std::string> type, status;  // filters on document_type / status
};

struct Hit {
  std::int64_t id = 0;           // Passage::id
  double score = 0;
  std::string snippet;           // HTML-escaped excerpt of title/text where only <mark>…</mark> tags appear
  std::string match;             // "citation" (query named an article of a document), "number" (a số hiệu), or "text"
};

// A law a query's subject belongs to whose text the index does not hold ("công ty hợp danh" →
// "Luật Doanh nghiệp"): what is found is from other documents.
struct OutsideLaw {
  std::string law;     // as the subject list names it
  std::string phrase;  // the query's words that name the subject, as typed (a question's first capital aside)
  bool operator==(const OutsideLaw&) const = default;
};

struct Result {
  std::size_t total = 0;
  std::vector<Hit> hits;
  std::optional<std::string> suggestion;  // accented spelling when the query was typed without diacritics
  // Documents the query names that the index does not hold, as typed ("Luật Hộ tịch"): what is
  // found is from other documents.
  std::vector<std::string> missing_documents;
  // Laws the query's subject belongs to that the index does not hold (set_law_subjects; none
  // without a subject list).
  std::vector<OutsideLaw> outside_library;
  double took_ms = 0;
};

// Ranking knobs. The defaults are the tuned configuration; search_eval switches them off one by
// one to measure what each idea is worth.
struct Ranking {
  double k1 = 1.2;
  double title_weight = 4.0, body_weight = 1.0, document_weight = 0.5;  // BM25F field weights
  double title_b = 0.3, body_b = 0.75;        // length normalisation per field
  double exact_weight = 0.5;                  // extra weight of a match with the query's own diacritics
  double bigram_weight = 1.5;                 // syllable bigrams (multi-syllable words)
  double mention_boost = 0.5;                 // passages of a document the query names ("theo Luật Cư trú")
  double proximity_weight = 1.0;              // query words close together in the passage...
  int proximity_window = 12;                  // ...within this many words
  int rerank_depth = 50;                      // hits re-ranked with proximity and definitions
  double question_word_weight = 0.3;          // interrogatives ("bao nhiêu", "gì", "đúng hay sai")
  double definition_boost = 1.0;              // "X là gì?": passages with a clause "X là ..."
  bool restore_diacritics = true;             // score unaccented queries also with their likely accented words
  double title_precision_weight = kTitlePrecisionWeight;  // × (1 + this × share of the title's words the query holds)
  double thesaurus_weight = 0.4;              // legal terms added for everyday words (0: no thesaurus)
  // The learned ranking of the first rerank_depth hits (search/learned_ranking.h): one weight per
  // feature; empty: the hand-tuned proximity and definition boosts above.
  std::vector<double> learned_weights;
};

class Index {  // thread-safe: many concurrent search() calls; upsert/remove take an exclusive lock
 public:
  Index();
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  void upsert(Passage p);                 // add or replace by id
  void remove(std::int64_t id);
  void remove_document(std::int64_t document_id);
  Result search(const Query& q) const;
  std::size_t size() const;
  std::size_t memory_bytes() const;       // approximate heap size of the index
  std::optional<Passage> passage(std::int64_t id) const;
  // The first rerank_depth text candidates of `q` in BM25F order with their features, as the
  // learned ranking sees them (for learning its weights; citations and filters as search()).
  std::vector<RankedCandidate> candidates(const Query& q) const;

  // Accented spelling of an unaccented text from the indexed words ("quyen su dung dat" →
  // "quyền sử dụng đất"); nullopt when nothing would change. search() fills Result::suggestion with it.
  std::optional<std::string> suggest(const std::string& text) const;

  void set_ranking(const Ranking& r);
  Ranking ranking() const;
  // Everyday words → legal terms for queries (none until set; Ranking::thesaurus_weight scales them).
  void set_thesaurus(std::shared_ptr<const text::Thesaurus> thesaurus);
  std::shared_ptr<const text::Thesaurus> thesaurus() const;
  // Subject phrases → the law governing them (library::builtin_law_subjects), for
  // Result::outside_library (none until set).
  void set_law_subjects(std::shared_ptr<const text::Thesaurus> subjects);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace search
