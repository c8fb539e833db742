#include "search/query_terms.h"

#include "search/scoring.h"
#include "text/question_form.h"
#include "text/vietnamese.h"

#include <algorithm>

namespace search {

namespace {

// A folded word of the query: scored, looked for by proximity, marked in snippets.
void add_folded(QueryTerms& out, std::uint32_t f, double w, const QueryToken& t, const std::string* accented, const Postings& ix) {
  out.scored.push_back({TermKind::folded, f, w});
  double pw = w * idf(ix.folded.postings[f].size(), ix.live);
  if (std::find(out.prox_ids.begin(), out.prox_ids.end(), f) == out.prox_ids.end()) {
    out.prox_ids.push_back(f);
    out.prox_weights.push_back(pw);
    out.prox_thesaurus.push_back(t.thesaurus ? 1 : 0);
    out.prox_total += pw;
  }
  // Marks follow the query's diacritics (typed or restored): "dung" marks "dụng", not "đúng".
  if (!t.question_word) out.snippet_weights.emplace(accented ? *accented : t.folded, pw);
}

std::vector<std::uint32_t> defined_term(const QueryPlan& plan, const Postings& ix) {
  std::vector<std::uint32_t> defined;
  for (auto i : plan.defined_term) defined.push_back(ix.folded.find(plan.tokens[i].folded));
  if (std::find(defined.begin(), defined.end(), kNone) != defined.end()) defined.clear();
  return defined;
}

}  // namespace

QueryTerms text_terms(const QueryPlan& plan, const std::vector<std::string>& restored, const Postings& ix, const Ranking& r) {
  QueryTerms out;
  const auto& toks = plan.tokens;
  std::uint32_t prev_f = kNone;
  double prev_w = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    if (t.excluded) {
      prev_f = kNone;
      continue;
    }
    // The word with its diacritics, typed or restored; null when they are not known.
    const std::string* accented = plan.accented ? &t.lower : (!restored.empty() && !restored[i].empty() ? &restored[i] : nullptr);
    double w = t.question_word ? r.question_word_weight : t.thesaurus ? r.thesaurus_weight : 1.0;
    if (!t.question_word && !restored.empty() && is_question_word(restored[i])) w = r.question_word_weight;
    std::uint32_t f = ix.folded.find(t.folded);
    if (f != kNone) add_folded(out, f, w, t, accented, ix);
    if (r.exact_weight > 0 && accented) {
      std::uint32_t e = ix.exact.find(*accented);
      if (e != kNone) out.scored.push_back({TermKind::exact, e, w * r.exact_weight});
    }
    if (r.bigram_weight > 0 && t.joined && prev_f != kNone && f != kNone) {
      std::uint32_t b = ix.bigrams.find(pair_key(prev_f, f));
      if (b != kNone) out.scored.push_back({TermKind::bigram, b, std::min(w, prev_w) * r.bigram_weight});
    }
    prev_f = f;
    prev_w = w;
  }
  merge_terms(out.scored);
  if (out.scored.size() > kMaxScoredTerms) {
    auto rarer = [&](const ScoredTerm& a, const ScoredTerm& b) { return postings_of(ix, a).size() < postings_of(ix, b).size(); };
    std::nth_element(out.scored.begin(), out.scored.begin() + kMaxScoredTerms, out.scored.end(), rarer);
    out.scored.resize(kMaxScoredTerms);
  }
  out.defined = defined_term(plan, ix);
  return out;
}

void add_question_form(const QueryPlan& plan, const Postings& ix, QueryTerms& out) {
  std::vector<std::string> words, lower;
  for (const auto& t : plan.tokens)
    if (!t.thesaurus) {
      words.push_back(t.folded);
      lower.push_back(t.lower);
    }
  out.asks_fine = text::asks_fine(words, lower);
  out.asks_quantity = text::question_form_of_words(words).asks_quantity;
  if (!out.asks_quantity) return;
  for (std::string_view unit : text::kQuantityUnits)
    if (auto id = ix.folded.find(std::string(unit)); id != kNone) out.quantity_units.push_back(id);
}

std::vector<Phrase> phrase_constraints(const QueryPlan& plan, const Postings& ix) {
  std::vector<Phrase> phrases;
  for (const auto& ph : plan.phrases) {
    Phrase p;
    bool accented = false;
    for (auto i : ph) {
      const auto& t = plan.tokens[i];
      const bool marks = text::has_diacritics(t.lower);
      accented |= marks;
      p.folded_ids.push_back(ix.folded.find(t.folded));
      p.exact_ids.push_back(marks ? ix.exact.find(t.lower) : kNone);
    }
    p.exact_ok = accented;
    phrases.push_back(std::move(p));
  }
  return phrases;
}

}  // namespace search
