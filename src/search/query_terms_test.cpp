// A query's scored terms: the cap on how many a long question is scored with.
#include "search/query_terms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace search {
namespace {

void add(Postings& ix, std::int64_t id, std::string text) {
  Passage p;
  p.id = id;
  p.document_id = id;
  p.text = std::move(text);
  ix.add(Passage(p), analyse(p));
}

bool scores_word(const QueryTerms& terms, const Postings& ix, const std::string& word) {
  const std::uint32_t id = ix.folded.find(word);
  return std::any_of(terms.scored.begin(), terms.scored.end(), [&](const ScoredTerm& t) { return t.kind == TermKind::folded && t.id == id; });
}

TEST(QueryTerms, ALongQuestionIsScoredWithItsRarestTermsOnly) {
  // 400 distinct two-letter words ("ba", "bb", ...), each in three passages, and one word in one.
  std::string common;
  for (char a = 'b'; a < 'b' + 20; ++a)
    for (char b = 'a'; b < 'a' + 20; ++b) common += std::string{a, b, ' '};
  Postings ix;
  for (int i = 1; i <= 3; ++i) add(ix, i, common);
  add(ix, 4, "hiếm");
  const Ranking ranking;

  const QueryTerms terms = text_terms(plan_query(common + "hiem"), {}, ix, ranking);
  EXPECT_EQ(terms.scored.size(), kMaxScoredTerms) << "400 words and their pairs, capped";
  EXPECT_TRUE(scores_word(terms, ix, "hiem")) << "the rarest word is kept";

  const QueryTerms ordinary = text_terms(plan_query("ba bb bc hiem"), {}, ix, ranking);
  for (const char* w : {"ba", "bb", "bc", "hiem"}) EXPECT_TRUE(scores_word(ordinary, ix, w)) << w;
}

}  // namespace
}  // namespace search
