#include "search/accent_restoration.h"

#include <algorithm>
#include <cmath>

namespace search {

namespace {

constexpr std::size_t kMaxForms = 8;
constexpr double kMu = 2.0;  // weight of the unigram probability in a bigram's

// Per token, its accented forms in the index, most frequent first (none when unknown).
std::vector<std::vector<std::uint32_t>> candidate_forms(const Postings& ix, const std::vector<QueryToken>& toks) {
  std::vector<std::vector<std::uint32_t>> cand(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    std::uint32_t f = ix.folded.find(toks[i].folded);
    if (f == kNone || f >= ix.forms.size() || ix.forms[f].empty()) continue;
    cand[i] = ix.forms[f];
    std::sort(cand[i].begin(), cand[i].end(), [&](auto a, auto b) { return ix.exact_count[a] > ix.exact_count[b]; });
    if (cand[i].size() > kMaxForms) cand[i].resize(kMaxForms);
    std::erase_if(cand[i], [&](auto e) { return ix.exact_count[e] == 0; });
  }
  return cand;
}

// Viterbi lattice: the best log probability of each candidate and the previous candidate it came from.
struct Lattice {
  std::vector<std::vector<double>> best;
  std::vector<std::vector<int>> back;
};

Lattice viterbi(const Postings& ix, const std::vector<QueryToken>& toks, const std::vector<std::vector<std::uint32_t>>& cand) {
  const double total = static_cast<double>(ix.total_tokens);
  auto unigram = [&](std::uint32_t e) { return (ix.exact_count[e] + 0.5) / (total + 1.0); };
  Lattice l{std::vector<std::vector<double>>(toks.size()), std::vector<std::vector<int>>(toks.size())};
  for (std::size_t i = 0; i < toks.size(); ++i) {
    l.best[i].assign(cand[i].size(), 0);
    l.back[i].assign(cand[i].size(), -1);
    bool chained = i > 0 && toks[i].joined && !cand[i - 1].empty();
    for (std::size_t c = 0; c < cand[i].size(); ++c) {
      std::uint32_t e = cand[i][c];
      double pu = unigram(e);
      if (!chained) {
        l.best[i][c] = std::log(pu);
        continue;
      }
      double top = -1e300;
      int arg = 0;
      for (std::size_t p = 0; p < cand[i - 1].size(); ++p) {
        std::uint32_t pe = cand[i - 1][p];
        auto it = ix.exact_pairs.find(pair_key(pe, e));
        double pair = it == ix.exact_pairs.end() ? 0.0 : it->second;
        double v = l.best[i - 1][p] + std::log((pair + kMu * pu) / (ix.exact_count[pe] + kMu));
        if (v > top) {
          top = v;
          arg = static_cast<int>(p);
        }
      }
      l.best[i][c] = top;
      l.back[i][c] = arg;
    }
  }
  return l;
}

}  // namespace

bool restore_accents(const Postings& ix, const std::vector<QueryToken>& toks, std::vector<std::string>& restored) {
  restored.assign(toks.size(), {});
  if (toks.empty() || ix.total_tokens == 0) return false;
  const auto cand = candidate_forms(ix, toks);
  const Lattice l = viterbi(ix, toks, cand);
  // Backtrack each chain from its end.
  for (std::size_t i = toks.size(); i-- > 0;) {
    if (cand[i].empty() || !restored[i].empty()) continue;
    int c = static_cast<int>(std::max_element(l.best[i].begin(), l.best[i].end()) - l.best[i].begin());
    for (std::size_t k = i + 1; k-- > 0;) {
      restored[k] = ix.exact_text[cand[k][c]];
      int b = l.back[k][c];
      if (b < 0) break;
      c = b;
    }
  }
  bool changed = false;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (restored[i].empty()) restored[i] = toks[i].lower;
    changed |= restored[i] != toks[i].lower;
  }
  return changed;
}

}  // namespace search
