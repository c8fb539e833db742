#pragma once
// Internal to search/: the page of hits, from what the earlier stages found.
//
// Order: the cited articles (score 1000 × the best text score, at least 1000), then the passages
// of a document whose number the query gives (in article order when the query has no text term
// the index knows, else best first at 100 × the best text score + their own), then the text
// candidates in their ranked order. Each passage counts once (its first place) and only when it
// passes the filters; Result::total counts them all, Result::hits holds [offset, offset + limit).
// Snippets mark the query's words by exact form when their diacritics are known (typed or
// restored), else by folded form, using the slots' stored word offsets (or tokenising again when
// a field was too long to store them). Reads the index under the caller's shared lock; the
// scratch space belongs to the calling thread.
#include "search/documents.h"
#include "search/postings.h"
#include "search/query_terms.h"
#include "search/scoring.h"
#include "search/snippet.h"

#include <cstdint>
#include <vector>

namespace search {

struct ResultScratch {
  std::vector<std::int32_t> mark_exact, mark_folded;  // word id → index among the query's words, or -1
  std::vector<SnippetWord> title_words, text_words;
  std::vector<char> used;  // per slot: already among the hits
};

struct RankedQuery {
  const CitationMatches& citations;
  const QueryTerms& terms;
  const std::vector<Candidate>& candidates;  // ranked (rank_head)
  bool snippet_exact;                        // the query's diacritics are known (typed or restored)
};

void assemble_hits(Result& result, const Query& q, const RankedQuery& ranked, const Postings& ix, const Documents& documents,
                   ResultScratch& sc);

}  // namespace search
