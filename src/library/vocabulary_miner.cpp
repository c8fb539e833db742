#include "library/vocabulary_miner.h"

#include "text/question_form.h"
#include "text/texting.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>

namespace library {

namespace {

constexpr std::size_t kLongestTerm = 8;  // syllables: "đơn phương chấm dứt hợp đồng lao động" has seven
constexpr std::size_t kExamples = 3;
constexpr std::size_t kGrownCandidates = 30;  // the best pairs of a phrase grown into terms

// A syllable or a pair of syllables, by interned folded syllables: (a + 1) << 32 | (b + 1),
// b = none for a single syllable.
using Key = std::uint64_t;
constexpr Key single(std::uint32_t a) { return (Key(a) + 1) << 32; }
constexpr Key pair(std::uint32_t a, std::uint32_t b) { return single(a) | (Key(b) + 1); }
// The single syllables of a pair, as keys of their own.
constexpr Key first_of(Key pair_key) { return pair_key & ~Key(0xffffffffu); }
constexpr Key second_of(Key pair_key) { return single(static_cast<std::uint32_t>(pair_key & 0xffffffffu) - 1); }

bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

// A text as interned folded syllables, with what joins them and how they were written.
struct Analysed {
  std::vector<std::uint32_t> ids;
  std::vector<char> joined;  // joined[i]: token i forms a pair with token i - 1
  std::vector<std::string> lower;
  std::vector<std::string> folded;
};

class Syllables {
 public:
  Analysed analyse(std::string_view nfc) {
    Analysed a;
    for (auto& t : text::tokenize(nfc)) {
      auto [it, added] = ids_.try_emplace(t.folded, static_cast<std::uint32_t>(ids_.size()));
      a.ids.push_back(it->second);
      a.joined.push_back(t.joined ? 1 : 0);
      a.folded.push_back(std::move(t.folded));
      a.lower.push_back(std::move(t.lower));
    }
    return a;
  }
  const std::uint32_t* find(const std::string& folded) const {
    auto it = ids_.find(folded);
    return it == ids_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

std::vector<Key> sorted_unique(std::vector<Key> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// The pairs of joined syllables of an article, numbers left out: where legal terms are.
std::vector<Key> term_keys(const Analysed& a) {
  std::vector<Key> keys;
  for (std::size_t i = 1; i < a.ids.size(); ++i)
    if (a.joined[i] && !has_digit(a.folded[i - 1]) && !has_digit(a.folded[i])) keys.push_back(pair(a.ids[i - 1], a.ids[i]));
  return sorted_unique(std::move(keys));
}

// The phrases of a question: its single syllables and joined pairs that say something (no
// question word, no number) and that the thesaurus does not cover yet. A pair also keeps the
// pairs on either side of it: where the law writes one of those as a word ("phạt tù", "tối
// đa"), the pair between ("tù tối") straddles two words.
struct Phrase {
  Key key = 0;
  Key left = 0, right = 0;  // the neighbouring pairs of a pair, 0 when none
};

std::vector<Phrase> phrases_of(const Analysed& a, const text::Thesaurus& known) {
  const auto n = a.ids.size();
  std::vector<char> usable(n, 1);
  for (const auto& m : known.find(a.folded))
    for (auto i = m.begin; i < m.end; ++i) usable[i] = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (has_digit(a.folded[i]) || text::is_question_word_as_written(a.lower[i])) usable[i] = 0;
  const auto joined_pair = [&](std::size_t i) { return i > 0 && i < n && a.joined[i] ? pair(a.ids[i - 1], a.ids[i]) : Key(0); };
  std::vector<Phrase> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (!usable[i]) continue;
    out.push_back({single(a.ids[i])});
    if (i > 0 && a.joined[i] && usable[i - 1]) out.push_back({pair(a.ids[i - 1], a.ids[i]), joined_pair(i - 1), joined_pair(i + 1)});
  }
  return out;
}

// Every single syllable and joined pair of an article: whether it uses a question's phrase.
std::vector<Key> word_keys(const Analysed& a) {
  std::vector<Key> keys;
  for (std::size_t i = 0; i < a.ids.size(); ++i) {
    keys.push_back(single(a.ids[i]));
    if (i > 0 && a.joined[i]) keys.push_back(pair(a.ids[i - 1], a.ids[i]));
  }
  return sorted_unique(std::move(keys));
}

bool contains(const std::vector<Key>& sorted, Key k) { return std::binary_search(sorted.begin(), sorted.end(), k); }

// A term grown from a pair to the longest run of syllables the supporting articles always write
// around it: "hợp đồng" → "đơn phương chấm dứt hợp đồng lao động".
struct Occurrence {
  const Analysed* article;
  std::size_t begin, end;
};

std::vector<Occurrence> occurrences(const std::vector<const Analysed*>& articles, Key term) {
  std::vector<Occurrence> out;
  for (const auto* a : articles)
    for (std::size_t i = 1; i < a->ids.size(); ++i)
      if (a->joined[i] && pair(a->ids[i - 1], a->ids[i]) == term) out.push_back({a, i - 1, i + 1});
  return out;
}

// Whether every occurrence has the same syllable next to it (after it, or before it with
// `left`); one occurrence alone does not say where a term ends.
bool common_neighbour(const std::vector<Occurrence>& occ, bool left) {
  if (occ.size() < 2) return false;
  std::optional<std::uint32_t> common;
  for (const auto& o : occ) {
    const auto& a = *o.article;
    const std::size_t at = left ? o.begin - 1 : o.end;
    const bool joined = left ? o.begin > 0 && a.joined[o.begin] : o.end < a.ids.size() && a.joined[o.end];
    if (!joined || has_digit(a.folded[at]) || (common && *common != a.ids[at])) return false;
    common = a.ids[at];
  }
  return true;
}

std::string grow_term(const std::vector<const Analysed*>& supporting, Key term) {
  auto occ = occurrences(supporting, term);
  if (occ.empty()) return "";
  for (bool left : {false, true}) {
    while (occ.front().end - occ.front().begin < kLongestTerm) {
      if (!common_neighbour(occ, left)) break;
      for (auto& o : occ) {
        if (left) --o.begin;
        else ++o.end;
      }
    }
  }
  const auto& first = occ.front();
  std::string out;
  for (auto i = first.begin; i < first.end; ++i) out += (out.empty() ? "" : " ") + first.article->lower[i];
  return out;
}

// How a phrase was written: the most frequent spelling with diacritics, else the most frequent.
std::string surface(const std::map<std::string, std::size_t>& spellings) {
  const std::string* best = nullptr;
  std::size_t best_count = 0;
  bool best_marked = false;
  for (const auto& [spelling, count] : spellings) {
    const bool marked = text::has_diacritics(spelling);
    if (!best || (marked && !best_marked) || (marked == best_marked && count > best_count)) {
      best = &spelling;
      best_count = count;
      best_marked = marked;
    }
  }
  return best ? *best : "";
}

std::string spelling_of(const Analysed& a, Key k) {
  for (std::size_t i = 0; i < a.ids.size(); ++i) {
    if (single(a.ids[i]) == k) return a.lower[i];
    if (i > 0 && a.joined[i] && pair(a.ids[i - 1], a.ids[i]) == k) return a.lower[i - 1] + " " + a.lower[i];
  }
  return "";
}

std::set<std::string> pairs_of(const std::string& text) {
  std::vector<std::string> words;
  for (const auto& t : text::tokenize(text)) words.push_back(t.folded);
  std::set<std::string> out;
  for (std::size_t i = 1; i < words.size(); ++i) out.insert(words[i - 1] + " " + words[i]);
  return out;
}

bool share_a_pair(const std::string& a, const std::string& b) {
  auto pa = pairs_of(a), pb = pairs_of(b);
  return std::any_of(pa.begin(), pa.end(), [&](const auto& p) { return pb.count(p) > 0; });
}

bool share_a_syllable(const std::string& a, const std::string& b) {
  const auto sa = text::folded_word_set(a), sb = text::folded_word_set(b);
  return std::any_of(sa.begin(), sa.end(), [&](const auto& s) { return sb.count(s) > 0; });
}

}  // namespace

std::vector<VocabularySuggestion> mine_vocabulary(const std::vector<AnsweredQuestion>& questions,
                                                  const std::map<std::string, std::string>& article_texts, const LibraryScan& library,
                                                  const text::Thesaurus& known, const std::vector<std::string>& dismissed,
                                                  const MinerLimits& limits) {
  Syllables syllables;
  // The cited articles, each analysed once.
  std::map<std::string, Analysed> articles;
  std::map<std::string, std::vector<Key>> article_terms, article_words;
  for (const auto& q : questions)
    for (const auto& key : q.articles) {
      if (articles.count(key)) continue;
      auto it = article_texts.find(key);
      auto& a = articles[key] = syllables.analyse(it == article_texts.end() ? "" : it->second);
      article_terms[key] = term_keys(a);
      article_words[key] = word_keys(a);
    }
  // Each question: its phrases, and the terms of all its cited articles that it does not use itself.
  struct Asked {
    Analysed text;
    std::vector<Phrase> occurrences;
    std::vector<Key> phrases, terms;  // sorted
  };
  std::vector<Asked> asked;
  std::unordered_map<Key, std::vector<std::size_t>> questions_of;  // phrase → questions using it
  std::unordered_map<Key, std::uint32_t> archive_count;              // term → questions whose articles hold it
  for (const auto& q : questions) {
    Asked a;
    a.text = syllables.analyse(text::expand_texting(text::normalize(q.question)));
    a.occurrences = phrases_of(a.text, known);
    for (const auto& p : a.occurrences) a.phrases.push_back(p.key);
    a.phrases = sorted_unique(std::move(a.phrases));
    std::vector<Key> terms;
    for (const auto& key : q.articles) terms.insert(terms.end(), article_terms[key].begin(), article_terms[key].end());
    for (auto t : sorted_unique(std::move(terms)))
      if (!contains(a.phrases, t)) a.terms.push_back(t);
    for (auto t : a.terms) ++archive_count[t];
    for (auto p : a.phrases) questions_of[p].push_back(asked.size());
    asked.push_back(std::move(a));
  }
  // How common the candidate phrases and terms are in the library: only those are counted.
  std::unordered_map<Key, std::uint32_t> library_count;
  for (const auto& [p, qs] : questions_of)
    if (qs.size() >= limits.min_questions) library_count[p] = 0;
  for (const auto& a : asked)
    for (const auto& p : a.occurrences)
      if (library_count.count(p.key)) {
        if (p.left) library_count[p.left] = 0;
        if (p.right) library_count[p.right] = 0;
      }
  for (const auto& [t, n] : archive_count) {
    library_count[t] = 0;
    library_count[first_of(t)] = 0;
    library_count[second_of(t)] = 0;
  }
  std::uint32_t library_articles = 0;
  library([&](std::string_view text) {
    ++library_articles;
    std::vector<Key> seen;
    const std::uint32_t* previous = nullptr;
    for (const auto& t : text::tokenize(text)) {
      const auto* id = syllables.find(t.folded);
      if (id) seen.push_back(single(*id));
      if (id && previous && t.joined) seen.push_back(pair(*previous, *id));
      previous = id;
    }
    for (auto k : sorted_unique(std::move(seen)))
      if (auto it = library_count.find(k); it != library_count.end()) ++it->second;
  });
  const double n_library = library_articles + 1.0;
  const double n_questions = static_cast<double>(std::max<std::size_t>(asked.size(), 1));
  const std::set<std::string> skip(dismissed.begin(), dismissed.end());

  // A question uses a phrase when one of its occurrences there does not straddle two of the law's words.
  const auto law_word = [&](Key k) { return k && library_count[k] / n_library >= limits.max_law_share; };
  const auto uses = [&](const Asked& a, Key phrase) {
    return std::any_of(a.occurrences.begin(), a.occurrences.end(),
                       [&](const Phrase& p) { return p.key == phrase && !law_word(p.left) && !law_word(p.right); });
  };
  std::vector<VocabularySuggestion> out;
  for (auto [phrase, qs] : questions_of) {
    if (qs.size() < limits.min_questions) continue;
    std::erase_if(qs, [&](std::size_t i) { return !uses(asked[i], phrase); });
    if (qs.size() < limits.min_questions) continue;
    if (library_count[phrase] / n_library > limits.max_law_share) continue;
    // The law's own word for it ("di chúc", "tạm trú") needs no entry: the cited articles use it.
    const auto uses_phrase = std::count_if(qs.begin(), qs.end(), [&](std::size_t i) {
      return std::any_of(questions[i].articles.begin(), questions[i].articles.end(),
                         [&](const std::string& key) { return contains(article_words[key], phrase); });
    });
    if (uses_phrase > limits.max_cited_using_phrase * qs.size()) continue;
    std::set<std::string> cited;
    for (auto i : qs) cited.insert(questions[i].articles.begin(), questions[i].articles.end());
    if (cited.size() < limits.min_articles) continue;
    std::unordered_map<Key, std::uint32_t> held;  // term → the phrase's questions whose articles hold it
    for (auto i : qs)
      for (auto t : asked[i].terms) ++held[t];
    struct Candidate {
      Key term;
      double share, lift;
    };
    std::vector<Candidate> candidates;
    for (const auto& [term, n] : held) {
      const double share = n / static_cast<double>(qs.size());
      const double lift = share / ((library_count[term] + 1.0) / n_library);
      const double archive_lift = share / (archive_count[term] / n_questions);
      // A term is a word of the law: its two syllables go together there ("không gian"), not
      // two words' edges that meet often ("năm đến" in "từ 01 năm đến 05 năm").
      const auto apart = std::min(library_count[first_of(term)], library_count[second_of(term)]);
      const bool cohesive = library_count[term] >= limits.min_term_articles && library_count[term] >= limits.min_term_cohesion * apart;
      if (share >= limits.min_share && lift >= limits.min_lift && archive_lift >= limits.min_archive_lift && cohesive)
        candidates.push_back({term, share, lift});
    }
    if (candidates.empty()) continue;
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.share != b.share ? a.share > b.share : a.lift != b.lift ? a.lift > b.lift : a.term < b.term;
    });
    VocabularySuggestion s;
    std::map<std::string, std::size_t> spellings;
    for (auto i : qs) ++spellings[spelling_of(asked[i].text, phrase)];
    s.phrase = surface(spellings);
    s.phrase_key = text::title_key(s.phrase);
    if (skip.count(s.phrase_key)) continue;
    s.questions = qs.size();
    s.articles = cited.size();
    s.share = candidates.front().share;
    s.lift = candidates.front().lift;
    // Each of the best pairs grown into its term; at equal share the longer term, the more precise.
    struct Grown {
      std::string term;
      double share;
      std::size_t words;
    };
    std::vector<Grown> grown;
    for (std::size_t k = 0; k < candidates.size() && k < kGrownCandidates; ++k) {
      std::vector<const Analysed*> supporting;
      for (const auto& key : cited)
        if (contains(article_terms[key], candidates[k].term)) supporting.push_back(&articles[key]);
      auto term = grow_term(supporting, candidates[k].term);
      if (!term.empty()) grown.push_back({term, candidates[k].share, static_cast<std::size_t>(std::count(term.begin(), term.end(), ' '))});
    }
    std::stable_sort(grown.begin(), grown.end(),
                     [](const Grown& a, const Grown& b) { return a.share != b.share ? a.share > b.share : a.words > b.words; });
    for (const auto& g : grown) {
      if (s.terms.size() >= limits.max_terms) break;
      // One notion once: a term sharing a pair of syllables with a chosen one says the same or less.
      if (std::any_of(s.terms.begin(), s.terms.end(), [&](const std::string& t) { return share_a_pair(t, g.term); })) continue;
      s.terms.push_back(g.term);
    }
    for (auto i : qs) {
      if (s.examples.size() >= kExamples) break;
      s.examples.push_back(questions[i].question);
    }
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const VocabularySuggestion& a, const VocabularySuggestion& b) {
    if (a.questions != b.questions) return a.questions > b.questions;
    if (a.share != b.share) return a.share > b.share;
    const auto words_a = std::count(a.phrase_key.begin(), a.phrase_key.end(), ' ');
    const auto words_b = std::count(b.phrase_key.begin(), b.phrase_key.end(), ' ');
    return words_a != words_b ? words_a > words_b : a.phrase_key < b.phrase_key;  // the more precise phrase first
  });
  // One suggestion for one notion: "bị đuổi" and "đuổi việc" leading to the same term are one; of
  // a syllable and a pair holding it, the pair, when it has half the syllable's questions ("tống
  // cổ" rather than "tống").
  std::vector<VocabularySuggestion> kept;
  for (auto& s : out) {
    auto same = std::find_if(kept.begin(), kept.end(), [&](const VocabularySuggestion& k) {
      return k.terms.front() == s.terms.front() && share_a_syllable(k.phrase_key, s.phrase_key);
    });
    if (same == kept.end()) {
      if (kept.size() < limits.max_suggestions) kept.push_back(std::move(s));
    } else if (same->phrase_key.find(' ') == std::string::npos && s.phrase_key.find(' ') != std::string::npos &&
               (" " + s.phrase_key + " ").find(" " + same->phrase_key + " ") != std::string::npos && 2 * s.questions >= same->questions) {
      *same = std::move(s);
    }
  }
  return kept;
}

}  // namespace library
