#pragma once
// Internal to search/: diacritic restoration. The likeliest accented spelling of unaccented query
// tokens ("quyen su dung dat" → "quyền sử dụng đất"), from the words of the index: a bigram model
// over the accented forms of each folded word, with interpolated unigram probabilities, solved
// with Viterbi over each run of joined tokens. At most the 8 most frequent forms of a word compete.
// Reads Postings under the caller's shared lock.
#include "search/postings.h"
#include "search/query_plan.h"

#include <string>
#include <vector>

namespace search {

// Fills `restored` (aligned with `toks`) with each token's likeliest accented lower-case form;
// a token the index does not know keeps its own spelling and cuts the chain. False when nothing
// differs from the tokens as typed (or the index is empty); the caller spells the suggestion with
// the query's case (spell_suggestion).
bool restore_accents(const Postings& postings, const std::vector<QueryToken>& toks, std::vector<std::string>& restored);

}  // namespace search
