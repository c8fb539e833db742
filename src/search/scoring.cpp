#include "search/scoring.h"

#include <algorithm>
#include <cmath>

#include "text/vietnamese.h"

namespace search {

namespace {

// The passage holds the words `ids` in a row (kNone matches any word).
bool contains_phrase(const Slot& s, const std::vector<std::uint32_t>& ids, bool exact_ids) {
  const auto& seq = exact_ids ? s.exact_seq : s.folded_seq;
  if (ids.empty()) return true;
  if (seq.size() < ids.size()) return false;
  for (std::size_t i = 0; i + ids.size() <= seq.size(); ++i) {
    std::size_t k = 0;
    while (k < ids.size() && (ids[k] == kNone || seq[i + k] == ids[k])) ++k;
    if (k == ids.size()) return true;
  }
  return false;
}

bool contains_phrases(const Slot& s, const std::vector<Phrase>& phrases, bool strict) {
  for (const auto& p : phrases) {
    if (std::find(p.folded_ids.begin(), p.folded_ids.end(), kNone) != p.folded_ids.end()) return false;
    bool ok = strict && p.exact_ok ? contains_phrase(s, p.exact_ids, true) && contains_phrase(s, p.folded_ids, false)
                                   : contains_phrase(s, p.folded_ids, false);
    if (!ok) return false;
  }
  return true;
}

}  // namespace

double proximity(const Slot& s, const std::vector<std::int32_t>& query_word, const std::vector<double>& weights, double total,
                 int proximity_window, ScoringScratch& sc) {
  const std::uint32_t window = static_cast<std::uint32_t>(std::max(2, proximity_window));
  if (total <= 0) return 0;
  auto& hits = sc.hits;
  hits.clear();
  for (std::uint32_t i = 0; i < s.folded_seq.size(); ++i) {
    std::uint32_t f = s.folded_seq[i];
    if (f < query_word.size() && query_word[f] >= 0) hits.emplace_back(i, static_cast<std::uint32_t>(query_word[f]));
  }
  auto& in_window = sc.counts;
  in_window.assign(weights.size(), 0);
  double best = 0, sum = 0;
  std::size_t lo = 0;
  for (std::size_t hi = 0; hi < hits.size(); ++hi) {
    if (in_window[hits[hi].second]++ == 0) sum += weights[hits[hi].second];
    while (hits[hi].first - hits[lo].first >= window) {
      if (--in_window[hits[lo].second] == 0) sum -= weights[hits[lo].second];
      ++lo;
    }
    best = std::max(best, sum);
  }
  return best / total;
}

bool defines(const Postings& ix, const Slot& s, const std::vector<std::uint32_t>& term) {
  static const std::string kLa = "là";
  const std::uint32_t la = ix.exact.find(kLa);
  if (term.empty() || la == kNone) return false;
  const auto& f = s.folded_seq;
  for (auto start : s.line_starts) {
    std::size_t i = start;
    // Skip a clause number or a point letter.
    if (i < f.size() && f[i] < ix.folded_text.size()) {
      const std::string& w = ix.folded_text[f[i]];
      bool label = !w.empty() && (std::all_of(w.begin(), w.end(), ::isdigit) || (w.size() == 1 && w[0] >= 'a' && w[0] <= 'z'));
      if (label) ++i;
    }
    if (i + term.size() >= f.size()) continue;
    if (std::equal(term.begin(), term.end(), f.begin() + static_cast<std::ptrdiff_t>(i)) && s.exact_seq[i + term.size()] == la) return true;
  }
  return false;
}

QueryWordMap::QueryWordMap(ScoringScratch& sc, const QueryTerms& terms, const Postings& ix) : sc_(sc), terms_(terms) {
  if (sc.query_word.size() < ix.folded.postings.size()) sc.query_word.resize(ix.folded.postings.size(), -1);
  for (std::size_t k = 0; k < terms.prox_ids.size(); ++k) sc.query_word[terms.prox_ids[k]] = static_cast<std::int32_t>(k);
}

QueryWordMap::~QueryWordMap() {
  for (auto id : terms_.prox_ids) sc_.query_word[id] = -1;
}

double title_precision(const Slot& s, const Postings& ix, const std::vector<std::int32_t>& query_word) {
  // A title's first 64 words: a longer one is a body some source put on the heading line, and the
  // look-back for repeated words must stay cheap.
  constexpr std::ptrdiff_t kTitleWords = 64;
  double found = 0, total = 0;
  const auto title_end = std::find(s.folded_seq.begin(), s.folded_seq.end(), kGap);
  const auto end = title_end - s.folded_seq.begin() > kTitleWords ? s.folded_seq.begin() + kTitleWords : title_end;
  for (auto it = s.folded_seq.begin(); it != end; ++it) {
    if (*it >= ix.folded.postings.size() || std::find(s.folded_seq.begin(), it, *it) != it) continue;
    const double w = idf(ix.folded.postings[*it].size(), ix.live);
    total += w;
    if (*it < query_word.size() && query_word[*it] >= 0) found += w;
  }
  return total > 0 ? found / total : 0;
}

double idf(std::size_t df, std::size_t live) {
  double n = static_cast<double>(std::max<std::size_t>(live, 1));
  double d = static_cast<double>(std::min(df, live));
  return std::log(1.0 + (n - d + 0.5) / (d + 0.5));
}

void score_bm25f(const Postings& ix, const Ranking& r, const std::vector<ScoredTerm>& terms, ScoringScratch& sc) {
  if (sc.acc.size() < ix.slots.size()) sc.acc.resize(ix.slots.size(), 0.0f);
  sc.touched.clear();
  const double n = static_cast<double>(std::max<std::size_t>(ix.live, 1));
  const float avg_title = static_cast<float>(std::max(ix.sum_title / n, 1.0));
  const float avg_body = static_cast<float>(std::max(ix.sum_body / n, 1.0));
  const float wt = static_cast<float>(r.title_weight), wb = static_cast<float>(r.body_weight),
              wd = static_cast<float>(r.document_weight);
  const float bt = static_cast<float>(r.title_b), bb = static_cast<float>(r.body_b);
  const float k1 = static_cast<float>(r.k1);
  for (const auto& term : terms) {
    const std::vector<Posting>& list = postings_of(ix, term);
    if (list.empty()) continue;
    const float w = static_cast<float>(term.weight * idf(list.size(), ix.live));
    for (const auto& post : list) {
      const SlotStat& s = ix.stats[post.slot];
      if (!s.live) continue;
      float tf = 0;
      if (post.title) tf += wt * post.title / (1.0f - bt + bt * s.len_title / avg_title);
      if (post.body) tf += wb * post.body / (1.0f - bb + bb * s.len_body / avg_body);
      if (post.doc) tf += wd * post.doc;
      float add = w * tf / (k1 + tf);
      float& a = sc.acc[post.slot];
      if (a == 0) sc.touched.push_back(post.slot);
      a += add;
    }
  }
}

std::vector<Candidate> collect_candidates(const Postings& ix, const Query& q, const std::vector<std::int64_t>& mentioned,
                                          double mention_boost, ScoringScratch& sc) {
  std::vector<Candidate> cand;
  cand.reserve(sc.touched.size());
  const float boost = static_cast<float>(1.0 + mention_boost);
  for (auto slot : sc.touched) {
    float score = sc.acc[slot];
    sc.acc[slot] = 0;
    const Slot& s = ix.slots[slot];
    if (!passes_filters(s, q)) continue;
    if (!mentioned.empty() && std::find(mentioned.begin(), mentioned.end(), s.doc) != mentioned.end()) score *= boost;
    cand.emplace_back(score, slot);
  }
  return cand;
}

void keep_phrase_matches(std::vector<Candidate>& cand, const std::vector<Phrase>& phrases, const Postings& ix) {
  if (phrases.empty()) return;
  std::vector<Candidate> kept;
  for (bool strict : {true, false}) {
    for (const auto& c : cand)
      if (contains_phrases(ix.slots[c.second], phrases, strict)) kept.push_back(c);
    if (!kept.empty()) break;
  }
  cand = std::move(kept);
}

bool is_statute(const Passage& p) {
  const auto& type = p.document_type;
  if (type == "hien-phap" || type == "bo-luat" || type == "luat") return true;
  // A resolution of the National Assembly ("142/2024/QH15") stands with its laws; a consolidated
  // text by its Office ("01/VBHN-VPQH") is a law's or a code's (a ministry's consolidates its
  // decrees and circulars).
  if (type == "nghi-quyet") return p.document_number.find("/QH") != std::string::npos;
  return type == "van-ban-hop-nhat" && p.document_number.find("VPQH") != std::string::npos;
}

bool sets_fines(const Passage& p) { return text::fold(p.document_title).find("xu phat vi pham hanh chinh") != std::string::npos; }

double document_kind_weight(const Passage& p, const QueryTerms& terms) {
  if (is_statute(p)) return 1.0;
  if (terms.asks_fine && sets_fines(p)) return kFineWeight;
  return kSubordinateWeight;
}

std::size_t sort_head(std::vector<Candidate>& cand, std::size_t want, const Ranking& r) {
  // The page asked for is in score order; only the first rerank_depth are re-ranked, however deep
  // the page (offset) goes, so a deep page costs a partial sort, not thousands of proximity scans.
  const std::size_t depth = static_cast<std::size_t>(std::max(0, r.rerank_depth));
  std::partial_sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(std::min(cand.size(), std::max(want, depth))), cand.end(),
                    ByScore{});
  return std::min(cand.size(), depth);
}

void rank_head(std::vector<Candidate>& cand, std::size_t want, const QueryTerms& terms, const Postings& ix, const Ranking& r,
               ScoringScratch& sc) {
  const std::size_t head = sort_head(cand, want, r);
  if (r.learned_weights.size() == kFeatureCount) {
    head_features(cand, head, terms, ix, r, sc, sc.features);
    rank_head_learned(cand, head, sc.features, r.learned_weights);
    return;
  }
  const bool near = r.proximity_weight > 0 && terms.prox_ids.size() > 1;
  const bool definition = r.definition_boost > 0 && !terms.defined.empty();
  QueryWordMap map(sc, terms, ix);
  for (std::size_t i = 0; i < head; ++i) {
    const Slot& s = ix.slots[cand[i].second];
    double f = 1.0;
    if (near) f += r.proximity_weight * proximity(s, sc.query_word, terms.prox_weights, terms.prox_total, r.proximity_window, sc);
    if (definition && defines(ix, s, terms.defined)) f *= 1.0 + r.definition_boost;
    f *= document_kind_weight(s.p, terms);
    if (r.title_precision_weight > 0) f *= 1.0 + r.title_precision_weight * title_precision(s, ix, sc.query_word);
    cand[i].first *= static_cast<float>(f);
  }
  std::sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(head), ByScore{});
}

}  // namespace search
