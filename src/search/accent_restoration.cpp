#include "search/accent_restoration.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

namespace search {

namespace {

constexpr std::size_t kMaxForms = 8;
constexpr double kMu = 2.0;  // weight of the unigram probability in a bigram's

// The words questions ask with, which law texts seldom hold in that sense ("bao nhiêu" would come
// back as "bảo nhiêu", the law's "bảo" being so frequent): their spelling is known, not guessed.
// Folded → accented, longest first where one contains another.
constexpr std::pair<std::string_view, std::string_view> kQuestionPhrases[] = {
    {"nhu the nao", "như thế nào"}, {"dung hay sai", "đúng hay sai"}, {"co duoc khong", "có được không"},
    {"bao nhieu", "bao nhiêu"},     {"bao lau", "bao lâu"},           {"the nao", "thế nào"},
    {"o dau", "ở đâu"},             {"khi nao", "khi nào"},           {"tai sao", "tại sao"},
    {"vi sao", "vì sao"},           {"co phai", "có phải"},           {"la gi", "là gì"},
    {"duoc khong", "được không"},   {"co sao khong", "có sao không"},
    // The asker and theirs: the law says "tội" (crime) far more often than "tôi" (I).
    {"con toi", "con tôi"},         {"vo toi", "vợ tôi"},             {"chong toi", "chồng tôi"},
    {"cua toi", "của tôi"},         {"thi toi", "thì tôi"},           {"toi muon", "tôi muốn"},
    {"em muon", "em muốn"},         {"minh muon", "mình muốn"},       {"toi co", "tôi có"},
    {"toi bi", "tôi bị"},           {"toi dang", "tôi đang"},
    // "mấy" before a unit asks how many ("máy" is the law's machine).
    {"may ngay", "mấy ngày"},       {"may thang", "mấy tháng"},       {"may nam", "mấy năm"},
    {"may tuoi", "mấy tuổi"},       {"may tieng", "mấy tiếng"},       {"may lan", "mấy lần"},
    {"may gio", "mấy giờ"},
};

std::vector<std::string_view> words_of(std::string_view phrase) {
  std::vector<std::string_view> out;
  for (std::size_t begin = 0; begin <= phrase.size();) {
    const auto end = std::min(phrase.find(' ', begin), phrase.size());
    out.push_back(phrase.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

// kQuestionPhrases split into words once: (folded words, accented words).
const std::vector<std::pair<std::vector<std::string_view>, std::vector<std::string_view>>>& question_phrase_words() {
  static const auto split = [] {
    std::vector<std::pair<std::vector<std::string_view>, std::vector<std::string_view>>> out;
    for (const auto& [folded, accented] : kQuestionPhrases) out.emplace_back(words_of(folded), words_of(accented));
    return out;
  }();
  return split;
}

// Per token, the spelling a question phrase fixes, or "".
std::vector<std::string> question_phrases(const std::vector<QueryToken>& toks) {
  std::vector<std::string> fixed(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    for (const auto& [want, words] : question_phrase_words()) {
      bool match = i + want.size() <= toks.size();
      for (std::size_t k = 0; k < want.size() && match; ++k) match = toks[i + k].folded == want[k] && (k == 0 || toks[i + k].joined);
      if (!match) continue;
      for (std::size_t k = 0; k < want.size(); ++k) fixed[i + k] = std::string(words[k]);
      i += want.size() - 1;
      break;
    }
  }
  return fixed;
}

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
  auto cand = candidate_forms(ix, toks);
  // A question phrase's words keep their known spelling: the one form left to the lattice, so
  // the words around them are chosen with it.
  const auto fixed = question_phrases(toks);
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (!fixed[i].empty()) std::erase_if(cand[i], [&](auto e) { return ix.exact_text[e] != fixed[i]; });
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
    if (restored[i].empty()) restored[i] = fixed[i].empty() ? toks[i].lower : fixed[i];
    changed |= restored[i] != toks[i].lower;
  }
  return changed;
}

}  // namespace search
