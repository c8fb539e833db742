#pragma once
// Internal to search/: the documents of the index, by the names and numbers a query can use for
// them, and what a query's citations and document numbers point at.
//
// A document is registered under its title (folded), the title without a trailing year and
// without "và", and its normalised number (số hiệu, or one read from the title). Documents keep
// their live slots in insertion order; a document goes when its last slot does.
// Not synchronised: Index holds its lock around every call (exclusive for the writing ones).
#include "search/postings.h"
#include "search/query_plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace search {

// The most documents a title's first words may name ("Luật Hôn nhân" → one; "Bộ luật tố tụng"
// → two) before they are too vague to resolve a citation.
constexpr std::size_t kMaxDocumentsByPrefix = 3;

struct DocInfo {
  std::string title, number, number_key;
  std::vector<std::string> keys;  // registered title keys
  std::vector<std::uint32_t> slots;
};

// Natural order of article numbers: "2" < "2a" < "10"; documents without articles first.
bool article_less(const std::string& a, const std::string& b);

struct Documents {
  std::unordered_map<std::int64_t, DocInfo> docs;
  std::unordered_map<std::string, std::vector<std::int64_t>> by_title;   // title key → documents
  std::unordered_map<std::string, std::vector<std::int64_t>> by_number;  // number key → documents
  std::size_t longest_title = 0;  // in words

  // A new slot of passage `p`'s document; a changed title or number re-registers the document.
  void attach(const Passage& p, std::uint32_t slot);
  // A slot that died; the document goes with its last slot.
  void detach(std::int64_t document_id, std::uint32_t slot);
  // Renumbers the slots after Postings::compact().
  void remap(const std::vector<std::uint32_t>& new_slot);
  std::size_t memory() const;  // approximate heap size

  // Documents whose title the query names ("theo Luật Cư trú", "bộ luật lao động"), longest first.
  std::vector<std::int64_t> mentioned(const std::vector<QueryToken>& toks) const;
  // The documents a citation's document reference names: by number, else by the longest title key
  // known, else by the first words of a title (Documents::resolve in documents.cpp).
  std::vector<std::int64_t> resolve(const text::DocumentRef& ref) const;
  // The live slot of article `article` ("5", "05", "2a") of a document.
  std::optional<std::uint32_t> article_slot(std::int64_t doc, const std::string& article, const std::vector<Slot>& slots) const;

 private:
  void register_doc(std::int64_t id, DocInfo& d);
  void unregister_doc(std::int64_t id, DocInfo& d);
};

// What a query's citations and document numbers point at, found before any ranking.
struct CitationMatches {
  std::vector<std::int64_t> mentioned;                       // documents named or numbered: their passages get a boost
  std::vector<std::pair<std::uint32_t, std::string>> cited;  // (slot, clause) of cited articles, in citation order
  std::vector<std::int64_t> numbered;                        // documents whose number the query gives
  // Byte ranges (in QueryPlan::text) of citations naming a document the index does not hold
  // ("điều 20 luật cư chú"): their words are searched as text, so the query still finds something.
  std::vector<std::pair<std::size_t, std::size_t>> unresolved;
};
CitationMatches match_citations(const QueryPlan& plan, const Documents& documents, const std::vector<Slot>& slots);

// The documents the query names (`named`: text::find_document_refs of its text) that the index
// does not hold, as the query writes them ("Luật Hộ tịch", "Nghị định 100/2019/NĐ-CP"; a name of more than three words,
// which may run on into the question, as its first two and "…"), each once. A name counts as
// held when a title resolves it, or a law's or code's title begins with its first two words ("luật
// dân sự" is the "Bộ luật Dân sự"), so a loosely named law is not taken for a missing one. None
// for an empty index.
std::vector<std::string> missing_documents(const QueryPlan& plan, const std::vector<text::DocumentRef>& named, const Documents& documents);

// The laws whose subjects the query names (`subjects`: phrase → law, library::builtin_law_subjects)
// and whose text the index does not hold, each once, in the query's order. A law is held when a
// registered title names it (its own, or a decree's "… hướng dẫn Luật Tố cáo") or, for a law given
// by its số hiệu, when that number is registered; a subject is held when a title holds its phrase
// ("… chế độ gặp, nhận quà … của phạm nhân"). None for a query that names a document (`named`, as
// for missing_documents, or a citation): it says which law it means. None for an empty index.
std::vector<OutsideLaw> laws_not_held(const QueryPlan& plan, const std::vector<text::DocumentRef>& named, const Documents& documents,
                                      const text::Thesaurus& subjects);

}  // namespace search
