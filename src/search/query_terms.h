#pragma once
// Internal to search/: a query's words as the index knows them, before any scoring.
//
// - Scored terms: every folded word (weight 1, or Ranking::question_word_weight for
//   interrogatives), the exact word where the diacritics are known (typed, or restored for an
//   unaccented query) at Ranking::exact_weight, and joined syllable pairs at
//   Ranking::bigram_weight (the smaller weight of the two); repeats merged.
// - Proximity words: the distinct folded words with weight × idf.
// - Snippet words: by exact form where the diacritics are known, else folded ("dung" marks
//   "dụng", not "đúng", when restoration chose "dụng"); interrogatives are not marked.
// - Phrases: each quoted phrase as folded ids and exact ids (kNone where a word has no marks).
// Words the index does not know are left out (phrases keep them as kNone: no passage matches).
// At most kMaxScoredTerms terms are scored: past that (a question of hundreds of distinct words),
// the ones with the shortest posting lists. They carry nearly all of BM25's weight (idf), and the
// common words left out are the ones that cost the most to score.
#include "search/postings.h"
#include "search/query_plan.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace search {

constexpr std::size_t kMaxScoredTerms = 256;

// The passages a scored term occurs in.
inline const std::vector<Posting>& postings_of(const Postings& ix, const ScoredTerm& t) {
  switch (t.kind) {
    case TermKind::exact: return ix.exact.postings[t.id];
    case TermKind::folded: return ix.folded.postings[t.id];
    case TermKind::bigram: break;
  }
  return ix.bigrams.postings[t.id];
}

struct QueryTerms {
  std::vector<ScoredTerm> scored;
  std::vector<std::uint32_t> prox_ids;   // the query's distinct folded words...
  std::vector<double> prox_weights;      // ...and their weights
  std::vector<char> prox_thesaurus;      // ...and whether the thesaurus added them
  double prox_total = 0;
  std::unordered_map<std::string, double> snippet_weights;  // word → weight
  std::vector<std::uint32_t> defined;    // folded ids of the term "X là gì?" asks about; empty when none or unknown
  // Set by add_question_form:
  bool asks_fine = false;                // "bị phạt bao nhiêu", not a crime (text/question_form.h)
  bool asks_quantity = false;            // "bao nhiêu ngày", "mấy tuổi" (for the learned ranking)
  std::vector<std::uint32_t> quantity_units;  // folded ids of the units a quantity is stated in, when it asks for one
};

// `restored`: restore_accents' spelling per token of plan.tokens (restored_for_terms), or empty
// when the query is accented or restoration is off.
QueryTerms text_terms(const QueryPlan& plan, const std::vector<std::string>& restored, const Postings& ix, const Ranking& r);

// What the question asks for, from its words as typed (texting spelled out, no thesaurus terms):
// fills QueryTerms::asks_fine, asks_quantity and quantity_units.
void add_question_form(const QueryPlan& plan, const Postings& ix, QueryTerms& terms);

struct Phrase {
  std::vector<std::uint32_t> exact_ids, folded_ids;
  bool exact_ok = true;  // some word of the phrase was typed with diacritics
};
std::vector<Phrase> phrase_constraints(const QueryPlan& plan, const Postings& ix);

}  // namespace search
