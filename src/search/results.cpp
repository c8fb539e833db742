#include "search/results.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace search {

namespace {

// The hits being gathered: each passage once, filters applied, every one counted, the first
// offset + limit kept.
class Page {
 public:
  struct Entry {
    std::uint32_t slot;
    double score;
    const char* match;
    const std::string* clause;
  };

  Page(const Query& q, const std::vector<Slot>& slots, std::vector<char>& used)
      : q_(q), slots_(slots), used_(used), want_(q.offset + q.limit) {
    entries.reserve(want_);
    if (used_.size() < slots_.size()) used_.resize(slots_.size(), 0);
  }
  ~Page() {
    for (auto slot : taken_) used_[slot] = 0;
  }
  Page(const Page&) = delete;
  Page& operator=(const Page&) = delete;

  void take(std::uint32_t slot, double score, const char* match, const std::string* clause) {
    if (used_[slot] || !passes_filters(slots_[slot], q_)) return;
    used_[slot] = 1;
    taken_.push_back(slot);
    ++total;
    if (entries.size() < want_) entries.push_back({slot, score, match, clause});
  }

  std::vector<Entry> entries;
  std::size_t total = 0;

 private:
  const Query& q_;
  const std::vector<Slot>& slots_;
  std::vector<char>& used_;
  std::size_t want_;
  std::vector<std::uint32_t> taken_;
};

const std::string kNoClause;

// Passages of the documents whose number the query gives.
void take_numbered(Page& page, const RankedQuery& ranked, double top, const Postings& ix, const Documents& documents) {
  const auto& numbered = ranked.citations.numbered;
  if (numbered.empty()) return;
  if (ranked.terms.scored.empty()) {
    // The query is numbers: each document's passages in article order, one document after the
    // other, with scores falling all the way down the list.
    double score = 100.0;
    for (auto d : numbered) {
      auto it = documents.docs.find(d);
      if (it == documents.docs.end()) continue;
      auto list = it->second.slots;
      std::sort(list.begin(), list.end(),
                [&](auto a, auto b) { return article_less(ix.slots[a].p.article_number, ix.slots[b].p.article_number); });
      for (auto s : list) page.take(s, score *= 0.999, "number", &kNoClause);
    }
    return;
  }
  // A number and words: the passages of that document first, best first.
  std::vector<Candidate> own;
  for (const auto& c : ranked.candidates)
    if (std::find(numbered.begin(), numbered.end(), ix.slots[c.second].doc) != numbered.end()) own.push_back(c);
  std::sort(own.begin(), own.end(), ByScore{});
  for (const auto& [score, slot] : own) page.take(slot, 100.0 * top + score, "number", &kNoClause);
}

// The query's words marked by id (exact or folded) for the snippets of one query; unmarked again
// when it goes.
class SnippetMaker {
 public:
  SnippetMaker(const Postings& ix, const std::unordered_map<std::string, double>& weights, bool exact, ResultScratch& sc)
      : weights_(weights), exact_(exact), sc_(sc), marks_(exact ? sc.mark_exact : sc.mark_folded) {
    const auto& table = exact ? ix.exact : ix.folded;
    if (marks_.size() < table.postings.size()) marks_.resize(table.postings.size(), -1);
    for (const auto& [word, weight] : weights) {
      std::uint32_t id = table.find(word);
      if (id == kNone || marks_[id] >= 0) continue;
      marks_[id] = static_cast<std::int32_t>(ids_.size());
      ids_.push_back(id);
      id_weights_.push_back(weight);
    }
  }
  ~SnippetMaker() {
    for (auto id : ids_) marks_[id] = -1;
  }
  SnippetMaker(const SnippetMaker&) = delete;
  SnippetMaker& operator=(const SnippetMaker&) = delete;

  std::string operator()(const Slot& s, const std::string& clause) {
    if (s.offsets.size() != s.folded_seq.size()) return make_snippet(s.p.title, s.p.text, weights_, exact_, clause);
    const auto& ids = exact_ ? s.exact_seq : s.folded_seq;
    sc_.title_words.clear();
    sc_.text_words.clear();
    auto* words = &sc_.title_words;
    for (std::size_t k = 0; k < ids.size(); ++k) {
      if (ids[k] == kGap) {
        words = &sc_.text_words;
        continue;
      }
      std::int32_t m = ids[k] < marks_.size() ? marks_[ids[k]] : -1;
      std::uint32_t begin = s.offsets[k] >> 8, end = begin + (s.offsets[k] & 0xFF);
      words->push_back({begin, end, m, m >= 0 ? id_weights_[static_cast<std::size_t>(m)] : 0.0});
    }
    return render_snippet(s.p.title, sc_.title_words, s.p.text, sc_.text_words, clause);
  }

 private:
  const std::unordered_map<std::string, double>& weights_;
  bool exact_;
  ResultScratch& sc_;
  std::vector<std::int32_t>& marks_;
  std::vector<std::uint32_t> ids_;  // marked word ids...
  std::vector<double> id_weights_;  // ...and their weights
};

}  // namespace

void assemble_hits(Result& result, const Query& q, const RankedQuery& ranked, const Postings& ix, const Documents& documents,
                   ResultScratch& sc) {
  SnippetMaker snippet(ix, ranked.terms.snippet_weights, ranked.snippet_exact, sc);
  Page page(q, ix.slots, sc.used);
  const auto& cand = ranked.candidates;
  double top = cand.empty() ? 1.0 : std::max(1.0, static_cast<double>(cand.front().first));
  for (const auto& [slot, clause] : ranked.citations.cited) page.take(slot, 1000.0 * top, "citation", &clause);
  take_numbered(page, ranked, top, ix, documents);
  for (const auto& [score, slot] : cand) page.take(slot, score, "text", &kNoClause);

  result.total = page.total;
  for (std::size_t i = q.offset; i < page.entries.size(); ++i) {
    const auto& e = page.entries[i];
    const Slot& s = ix.slots[e.slot];
    Hit h;
    h.id = s.p.id;
    h.score = e.score;
    h.match = e.match;
    h.snippet = snippet(s, *e.clause);
    result.hits.push_back(std::move(h));
  }
}

}  // namespace search
