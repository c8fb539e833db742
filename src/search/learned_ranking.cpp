#include "search/learned_ranking.h"

#include "search/scoring.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace search {

namespace {

std::size_t at(Feature f) { return static_cast<std::size_t>(f); }

// A number followed by a unit ("45 ngày", "18 tuổi"); not a clause's own number at a line start.
bool states_quantity(const Slot& s, const Postings& ix, const std::vector<std::uint32_t>& units) {
  if (units.empty()) return false;
  const auto& f = s.folded_seq;
  std::size_t next_line = 0;
  for (std::size_t i = 0; i + 1 < f.size(); ++i) {
    while (next_line < s.line_starts.size() && s.line_starts[next_line] < i) ++next_line;
    const bool line_start = next_line < s.line_starts.size() && s.line_starts[next_line] == i;
    if (line_start || f[i] >= ix.folded_text.size()) continue;
    const std::string& w = ix.folded_text[f[i]];
    if (!w.empty() && w[0] >= '0' && w[0] <= '9' && std::find(units.begin(), units.end(), f[i + 1]) != units.end()) return true;
  }
  return false;
}

// Shares of the query's words found in the passage (anywhere, in the title) and of its thesaurus
// terms. `query_word` maps a folded id to its index among terms.prox_ids.
struct Found {
  double coverage = 0, title_coverage = 0, thesaurus = 0;
};
Found found_words(const Slot& s, const QueryTerms& terms, const std::vector<std::int32_t>& query_word, std::vector<char>& seen) {
  const std::size_t n = terms.prox_ids.size();
  seen.assign(2 * n, 0);  // [0, n): anywhere; [n, 2n): in the title
  bool in_title = true;
  for (auto id : s.folded_seq) {
    if (id == kGap) {
      in_title = false;
      continue;
    }
    if (id >= query_word.size() || query_word[id] < 0) continue;
    const auto k = static_cast<std::size_t>(query_word[id]);
    seen[k] = 1;
    if (in_title) seen[n + k] = 1;
  }
  double own = 0, own_total = 0, title = 0, added = 0, added_total = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const double w = terms.prox_weights[k];
    if (terms.prox_thesaurus[k]) {
      added_total += w;
      added += seen[k] ? w : 0;
    } else {
      own_total += w;
      own += seen[k] ? w : 0;
      title += seen[n + k] ? w : 0;
    }
  }
  Found out;
  if (own_total > 0) {
    out.coverage = own / own_total;
    out.title_coverage = title / own_total;
  }
  if (added_total > 0) out.thesaurus = added / added_total;
  return out;
}

// Share of the query's own words' weight found in a short text (a heading, a document's title).
double text_coverage(const std::string& text, const QueryTerms& terms, const Postings& ix, const std::vector<std::int32_t>& query_word,
                     std::vector<char>& seen) {
  if (text.empty()) return 0;
  seen.assign(terms.prox_ids.size(), 0);
  for (const auto& t : text::tokenize(text)) {
    const auto id = ix.folded.find(t.folded);
    if (id < query_word.size() && query_word[id] >= 0) seen[static_cast<std::size_t>(query_word[id])] = 1;
  }
  double found = 0, total = 0;
  for (std::size_t k = 0; k < terms.prox_ids.size(); ++k) {
    if (terms.prox_thesaurus[k]) continue;
    total += terms.prox_weights[k];
    found += seen[k] ? terms.prox_weights[k] : 0;
  }
  return total > 0 ? found / total : 0;
}

}  // namespace

void head_features(const std::vector<Candidate>& cand, std::size_t head, const QueryTerms& terms, const Postings& ix, const Ranking& r,
                   ScoringScratch& sc, std::vector<FeatureVector>& out) {
  out.assign(head, FeatureVector{});
  if (head == 0) return;
  QueryWordMap map(sc, terms, ix);
  const double best = std::max(1e-9f, cand.front().first);
  double mass = 0;
  for (std::size_t i = 0; i < head; ++i) mass += cand[i].first;
  for (std::size_t i = 0; i < head; ++i) {
    const Slot& s = ix.slots[cand[i].second];
    double same_document = 0;
    for (std::size_t j = 0; j < head; ++j)
      if (ix.slots[cand[j].second].doc == s.doc) same_document += cand[j].first;
    const Found found = found_words(s, terms, sc.query_word, sc.seen);
    auto& f = out[i];
    const double ratio = cand[i].first / best;
    f[at(Feature::bm25)] = static_cast<float>(ratio);
    f[at(Feature::rank)] = static_cast<float>(1.0 / (1.0 + static_cast<double>(i)));
    f[at(Feature::proximity)] =
        terms.prox_ids.size() > 1 ? static_cast<float>(proximity(s, sc.query_word, terms.prox_weights, terms.prox_total, r.proximity_window, sc)) : 0.0f;
    f[at(Feature::coverage)] = static_cast<float>(found.coverage);
    f[at(Feature::title_coverage)] = static_cast<float>(found.title_coverage);
    f[at(Feature::context_coverage)] = static_cast<float>(text_coverage(s.p.context, terms, ix, sc.query_word, sc.seen));
    f[at(Feature::document_coverage)] = static_cast<float>(text_coverage(s.p.document_title, terms, ix, sc.query_word, sc.seen));
    f[at(Feature::thesaurus)] = static_cast<float>(found.thesaurus);
    f[at(Feature::definition)] = defines(ix, s, terms.defined) ? 1.0f : 0.0f;
    f[at(Feature::document_vote)] = static_cast<float>(mass > 0 ? same_document / mass : 0);
    f[at(Feature::length)] = static_cast<float>(std::log1p(static_cast<double>(s.len_body)) / 8.0);
    f[at(Feature::statute)] = is_statute(s.p) ? 1.0f : 0.0f;
    f[at(Feature::quantity)] = terms.asks_quantity && states_quantity(s, ix, terms.quantity_units) ? 1.0f : 0.0f;
    f[at(Feature::title_precision)] = static_cast<float>(title_precision(s, ix, sc.query_word));
    f[at(Feature::fine)] = !is_statute(s.p) && terms.asks_fine && sets_fines(s.p) ? 1.0f : 0.0f;
  }
}

double prior_score(const FeatureVector& f) {
  return std::max(-8.0, std::log(std::max<double>(f[at(Feature::bm25)], 1e-9))) + std::log1p(f[at(Feature::proximity)]) +
         std::log(2.0) * f[at(Feature::definition)] + std::log(kSubordinateWeight) * (1.0 - f[at(Feature::statute)] - f[at(Feature::fine)]) +
         std::log(kFineWeight) * f[at(Feature::fine)] +
         std::log1p(kTitlePrecisionWeight * f[at(Feature::title_precision)]);
}

double learned_score(const FeatureVector& f, const std::vector<double>& weights) {
  double z = prior_score(f);
  for (std::size_t k = 0; k < kFeatureCount && k < weights.size(); ++k) z += weights[k] * f[k];
  return z;
}

void rank_head_learned(std::vector<Candidate>& cand, std::size_t head, const std::vector<FeatureVector>& features,
                       const std::vector<double>& weights) {
  if (head == 0) return;
  const float last_bm25 = std::max(1e-9f, cand[head - 1].first);
  std::vector<double> z(head);
  for (std::size_t i = 0; i < head; ++i) z[i] = learned_score(features[i], weights);
  const double top = *std::max_element(z.begin(), z.end());
  double sum = 0;
  for (auto& v : z) sum += (v = std::exp(v - top));
  double least = 1;
  for (std::size_t i = 0; i < head; ++i) {
    cand[i].first = static_cast<float>(z[i] / sum);
    least = std::min(least, z[i] / sum);
  }
  // The tail keeps its BM25F order below the head.
  for (std::size_t i = head; i < cand.size(); ++i) cand[i].first = static_cast<float>(least * std::min(1.0f, cand[i].first / last_bm25) * 0.999);
  std::sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(head), ByScore{});
}

std::optional<std::vector<double>> parse_feature_weights(std::string_view tsv, std::vector<std::string>& problems) {
  std::vector<double> weights(kFeatureCount, 0.0);
  std::vector<bool> given(kFeatureCount, false);
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos <= tsv.size();) {
    auto end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.find('\t');
    const std::string where = "line " + std::to_string(line_no) + ": ";
    if (tab == std::string_view::npos) {
      problems.push_back(where + "expected name<TAB>weight");
      continue;
    }
    const auto name = line.substr(0, tab);
    const auto value = line.substr(tab + 1);
    const auto it = std::find(kFeatureNames.begin(), kFeatureNames.end(), name);
    double w = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), w);
    if (it == kFeatureNames.end()) {
      problems.push_back(where + "unknown feature \"" + std::string(name) + "\"");
    } else if (ec != std::errc() || ptr != value.data() + value.size() || !std::isfinite(w)) {
      problems.push_back(where + "the weight is not a number");
    } else {
      const auto k = static_cast<std::size_t>(it - kFeatureNames.begin());
      if (given[k]) problems.push_back(where + "\"" + std::string(name) + "\" given twice");
      given[k] = true;
      weights[k] = w;
    }
  }
  for (std::size_t k = 0; k < kFeatureCount; ++k)
    if (!given[k]) problems.push_back("feature \"" + std::string(kFeatureNames[k]) + "\" has no weight");
  if (!problems.empty()) return std::nullopt;
  return weights;
}

std::string format_feature_weights(const std::vector<double>& weights, std::string_view comment) {
  std::ostringstream out;
  std::istringstream lines{std::string(comment)};
  for (std::string l; std::getline(lines, l);) out << "# " << l << "\n";
  out.precision(6);
  for (std::size_t k = 0; k < kFeatureCount && k < weights.size(); ++k) out << kFeatureNames[k] << "\t" << weights[k] << "\n";
  return out.str();
}

}  // namespace search
