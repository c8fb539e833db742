#pragma once
// Internal to search/: ranking of the passages that contain the query's words.
//
// 1. score_bm25f: BM25F over three fields (title, body, document title) with Ranking's field
//    weights, length normalisation (b per field; none for the short document field) and k1,
//    summed over the query's scored terms into one float accumulator per slot.
// 2. collect_candidates: the scored slots that pass the query's filters, × (1 + mention_boost)
//    for passages of a document the query names; the accumulator is left zeroed.
// 3. keep_phrase_matches: with quoted phrases, the candidates holding every phrase (strictly
//    with the typed diacritics first, then folded: a wrong tone mark should not empty the page).
// 4. rank_head: the best max(offset + limit, rerank_depth) candidates sorted by score; the first
//    rerank_depth of them (never more, however deep the page) re-ranked, each score ×
//    (1 + proximity_weight × share of the query's weight within proximity_window words),
//    × (1 + definition_boost) when a line of the passage defines the asked term ("X là ..."),
//    and × kSubordinateWeight for a passage of a document below a law (a decree, circular or
//    decision: not is_statute), which citizens' questions seldom need before the law itself,
//    unless the query asks for a fine and the document is a sanction decree (document_kind_weight),
//    and × (1 + title_precision_weight × title_precision): a title that names only what is asked
//    ("Thuận tình ly hôn") before one that also names other things ("Hòa giải và công nhận thuận
//    tình ly hôn, thỏa thuận nuôi con, …"), which BM25F, counting only the query's words, cannot see.
//    With Ranking::learned_weights (search/learned_ranking.h), the head is ordered instead by the
//    learned model over head_features, its scores the model's probabilities (adding up to 1),
//    and the tail kept in BM25F order below them.
// Ties go to the lower slot, so the order is deterministic. Reads Postings under the caller's
// shared lock; the scratch space belongs to the calling thread.
#include "search/learned_ranking.h"
#include "search/postings.h"
#include "search/query_terms.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace search {

// A constitution, code or law (Passage::document_type "hien-phap", "bo-luat", "luat"), a
// resolution of the National Assembly ("…/QH15"), or a law's consolidated text (văn bản hợp nhất
// of the Office of the National Assembly, "…/VBHN-VPQH").
bool is_statute(const Passage& p);
// A decree or circular on administrative sanctions (its title says "xử phạt vi phạm hành
// chính"): where the fines are, which no law states.
bool sets_fines(const Passage& p);
// The weight of a passage's document in rank_head: 1 for a statute, and for a sanction decree
// when the query asks for a fine (QueryTerms::asks_fine); kSubordinateWeight otherwise.
double document_kind_weight(const Passage& p, const QueryTerms& terms);

struct ScoringScratch {
  std::vector<float> acc;                  // slot → score of the current query (zero when untouched)
  std::vector<std::uint32_t> touched;      // slots with a score
  std::vector<std::int32_t> query_word;    // folded id → index among the query's words, or -1
  std::vector<std::pair<std::uint32_t, std::uint32_t>> hits;  // (position, query word) in a passage
  std::vector<int> counts;                 // query word → occurrences in the window
  std::vector<char> seen;                  // query word → found in a passage (head_features)
  std::vector<FeatureVector> features;     // of the head (head_features)
};

using Candidate = std::pair<float, std::uint32_t>;  // (score, slot)
struct ByScore {
  bool operator()(const Candidate& a, const Candidate& b) const { return a.first > b.first || (a.first == b.first && a.second < b.second); }
};

// Inverse document frequency of a term found in `df` of `live` passages.
double idf(std::size_t df, std::size_t live);

void score_bm25f(const Postings& ix, const Ranking& r, const std::vector<ScoredTerm>& terms, ScoringScratch& sc);
std::vector<Candidate> collect_candidates(const Postings& ix, const Query& q, const std::vector<std::int64_t>& mentioned,
                                          double mention_boost, ScoringScratch& sc);
void keep_phrase_matches(std::vector<Candidate>& cand, const std::vector<Phrase>& phrases, const Postings& ix);
// `want`: offset + limit of the page asked for.
void rank_head(std::vector<Candidate>& cand, std::size_t want, const QueryTerms& terms, const Postings& ix, const Ranking& r,
               ScoringScratch& sc);

// Sorts the first `head` candidates (and those up to `want`) by BM25F score; returns the head's size.
std::size_t sort_head(std::vector<Candidate>& cand, std::size_t want, const Ranking& r);
// The features of the first `head` candidates, sorted by BM25F score (learned_ranking.cpp).
void head_features(const std::vector<Candidate>& cand, std::size_t head, const QueryTerms& terms, const Postings& ix, const Ranking& r,
                   ScoringScratch& sc, std::vector<FeatureVector>& out);
// Orders the head by the learned model (learned_ranking.cpp).
void rank_head_learned(std::vector<Candidate>& cand, std::size_t head, const std::vector<FeatureVector>& features,
                       const std::vector<double>& weights);

// Share of the query's weight found inside the best window of a few words. `query_word` maps a
// folded id to its index in `weights` (-1 for words not in the query).
double proximity(const Slot& s, const std::vector<std::int32_t>& query_word, const std::vector<double>& weights, double total,
                 int proximity_window, ScoringScratch& sc);
// Share of the passage title's words (by idf, each once) that the query holds, its thesaurus terms
// included: 1 when every word of "Thuận tình ly hôn" is asked about, less for a title that also
// names what the question does not ("Hòa giải và công nhận thuận tình ly hôn, ..."). 0 without a title.
double title_precision(const Slot& s, const Postings& ix, const std::vector<std::int32_t>& query_word);
// A line of the passage that defines `term` (folded ids): "X là ...", "3. X là ...", "a) X là ...".
bool defines(const Postings& ix, const Slot& s, const std::vector<std::uint32_t>& term);

// ScoringScratch::query_word set for the query's words while it lives.
class QueryWordMap {
 public:
  QueryWordMap(ScoringScratch& sc, const QueryTerms& terms, const Postings& ix);
  ~QueryWordMap();
  QueryWordMap(const QueryWordMap&) = delete;
  QueryWordMap& operator=(const QueryWordMap&) = delete;

 private:
  ScoringScratch& sc_;
  const QueryTerms& terms_;
};

}  // namespace search
