#include "search/index.h"

#include "search/accent_restoration.h"
#include "search/documents.h"
#include "search/postings.h"
#include "search/query_plan.h"
#include "search/snippet.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace search {

namespace {

// Scratch space of one searching thread.
struct Scratch {
  std::vector<float> acc;
  std::vector<std::int32_t> mark_exact, mark_folded;  // word id → index among the query's words, or -1
  std::vector<SnippetWord> title_words, text_words;
  std::vector<char> used;  // per slot: already among the hits
  std::vector<std::int32_t> query_word;  // folded id → index among the query's words, or -1
  std::vector<std::pair<std::uint32_t, std::uint32_t>> hits;
  std::vector<int> counts;
  std::vector<std::uint32_t> touched;
};
Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// A reader-writer lock that does not starve writers. glibc's rwlock (behind std::shared_mutex)
// prefers readers, so a steady stream of searches could hold off an import forever. A writer
// takes the gate first and keeps it while it waits, so new readers queue behind it.
class WriterFairMutex {
 public:
  void lock() {
    std::lock_guard gate(gate_);
    mutex_.lock();
  }
  void unlock() { mutex_.unlock(); }
  void lock_shared() {
    std::lock_guard gate(gate_);
    mutex_.lock_shared();
  }
  void unlock_shared() { mutex_.unlock_shared(); }

 private:
  std::mutex gate_;
  std::shared_mutex mutex_;
};

}  // namespace

struct Index::Impl {
  mutable WriterFairMutex mutex;
  Ranking ranking;
  Postings postings;
  Documents documents;

  // ---- writing (exclusive lock held) ----

  void add(Passage&& p, const Analysed& a) {
    if (auto it = postings.slot_of_id.find(p.id); it != postings.slot_of_id.end()) kill(it->second);
    const std::uint32_t slot = postings.add(std::move(p), a);
    documents.attach(postings.slots[slot].p, slot);
  }

  void kill(std::uint32_t slot) {
    if (postings.kill(slot)) documents.detach(postings.slots[slot].doc, slot);
  }

  void maybe_compact() {
    if (postings.compaction_due()) documents.remap(postings.compact());
  }

  // ---- reading (shared lock held) ----

  double idf(std::size_t df) const {
    double n = static_cast<double>(std::max<std::size_t>(postings.live, 1));
    double d = static_cast<double>(std::min(df, postings.live));
    return std::log(1.0 + (n - d + 0.5) / (d + 0.5));
  }

  Result run(const Query& q) const;
  void score_terms(const std::vector<ScoredTerm>& terms, Scratch& sc) const;
  bool phrase_ok(const Slot& s, const std::vector<std::uint32_t>& ids, bool exact_ids) const;
  double proximity(const Slot& s, const std::vector<std::int32_t>& slot_of, const std::vector<double>& weights, double total,
                   Scratch& sc) const;
  bool defines(const Slot& s, const std::vector<std::uint32_t>& term) const;
  std::size_t memory() const { return sizeof(Impl) + postings.memory() + documents.memory(); }
};

// ---------------------------------------------------------------------------------------------

void Index::Impl::score_terms(const std::vector<ScoredTerm>& terms, Scratch& sc) const {
  const Ranking& r = ranking;
  const double n = static_cast<double>(std::max<std::size_t>(postings.live, 1));
  const float avg_title = static_cast<float>(std::max(postings.sum_title / n, 1.0));
  const float avg_body = static_cast<float>(std::max(postings.sum_body / n, 1.0));
  const float wt = static_cast<float>(r.title_weight), wb = static_cast<float>(r.body_weight),
              wd = static_cast<float>(r.document_weight);
  const float bt = static_cast<float>(r.title_b), bb = static_cast<float>(r.body_b);
  const float k1 = static_cast<float>(r.k1);
  for (const auto& term : terms) {
    const std::vector<Posting>* list = nullptr;
    switch (term.kind) {
      case TermKind::exact: list = &postings.exact.postings[term.id]; break;
      case TermKind::folded: list = &postings.folded.postings[term.id]; break;
      case TermKind::bigram: list = &postings.bigrams.postings[term.id]; break;
    }
    if (list->empty()) continue;
    const float w = static_cast<float>(term.weight * idf(list->size()));
    for (const auto& post : *list) {
      const SlotStat& s = postings.stats[post.slot];
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

bool Index::Impl::phrase_ok(const Slot& s, const std::vector<std::uint32_t>& ids, bool exact_ids) const {
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

// Share of the query's weight found inside the best window of a few words. `slot_of` maps a
// folded id to its index in `weights` (-1 for words not in the query).
double Index::Impl::proximity(const Slot& s, const std::vector<std::int32_t>& slot_of, const std::vector<double>& weights,
                              double total, Scratch& sc) const {
  const std::uint32_t window = static_cast<std::uint32_t>(std::max(2, ranking.proximity_window));
  if (total <= 0) return 0;
  auto& hits = sc.hits;
  hits.clear();
  for (std::uint32_t i = 0; i < s.folded_seq.size(); ++i) {
    std::uint32_t f = s.folded_seq[i];
    if (f < slot_of.size() && slot_of[f] >= 0) hits.emplace_back(i, static_cast<std::uint32_t>(slot_of[f]));
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

// A line of the passage that defines `term` (folded ids): "X là ...", "3. X là ...", "a) X là ...".
bool Index::Impl::defines(const Slot& s, const std::vector<std::uint32_t>& term) const {
  static const std::string kLa = "là";
  const std::uint32_t la = postings.exact.find(kLa);
  if (term.empty() || la == kNone) return false;
  const auto& f = s.folded_seq;
  for (auto start : s.line_starts) {
    std::size_t i = start;
    // Skip a clause number or a point letter.
    if (i < f.size() && f[i] < postings.folded_text.size()) {
      const std::string& w = postings.folded_text[f[i]];
      bool label = !w.empty() && (std::all_of(w.begin(), w.end(), ::isdigit) || (w.size() == 1 && w[0] >= 'a' && w[0] <= 'z'));
      if (label) ++i;
    }
    if (i + term.size() >= f.size()) continue;
    if (std::equal(term.begin(), term.end(), f.begin() + static_cast<std::ptrdiff_t>(i)) && s.exact_seq[i + term.size()] == la) return true;
  }
  return false;
}

Result Index::Impl::run(const Query& q) const {
  Result result;
  const Ranking& r = ranking;
  QueryPlan plan = plan_query(q.text);
  auto& toks = plan.tokens;

  // Unaccented query: the accented spelling, for the suggestion and for scoring.
  std::vector<std::string> restored;
  if (!plan.accented && plan.has_letters) {
    if (restore_accents(postings, plan.source_tokens, restored)) {
      result.suggestion = spell_suggestion(plan, restored);
      if (result.suggestion && *result.suggestion == plan.text) result.suggestion.reset();
    }
    restored = restored_for_terms(plan, restored);
    if (!r.restore_diacritics) restored.clear();
  }

  auto passes = [&](const Slot& s) {
    if (!s.live) return false;
    if (q.type && s.p.document_type != *q.type) return false;
    if (q.status && s.p.status != *q.status) return false;
    return true;
  };

  // Citations and document numbers.
  CitationMatches found = match_citations(plan, documents, postings.slots);
  const auto& mentioned = found.mentioned;
  const auto& cited = found.cited;
  const auto& numbered = found.numbered;

  // Text terms.
  std::vector<ScoredTerm> terms;
  std::vector<std::uint32_t> prox_ids;  // the query's distinct folded words...
  std::vector<double> prox_weights;     // ...and their weights
  std::unordered_map<std::string, double> snippet_weights;  // folded word → weight
  double prox_total = 0;
  {
    std::uint32_t prev_f = kNone;
    double prev_w = 0;
    for (std::size_t i = 0; i < toks.size(); ++i) {
      const auto& t = toks[i];
      if (t.excluded) {
        prev_f = kNone;
        continue;
      }
      double w = t.question_word ? r.question_word_weight : 1.0;
      if (!t.question_word && !restored.empty() && is_question_word(restored[i])) w = r.question_word_weight;
      std::uint32_t f = postings.folded.find(t.folded);
      if (f != kNone) {
        terms.push_back({TermKind::folded, f, w});
        double pw = w * idf(postings.folded.postings[f].size());
        if (std::find(prox_ids.begin(), prox_ids.end(), f) == prox_ids.end()) {
          prox_ids.push_back(f);
          prox_weights.push_back(pw);
          prox_total += pw;
        }
        if (!t.question_word) {
          // Marks follow the query's diacritics (typed or restored): "dung" marks "dụng", not "đúng".
          const std::string& key = plan.accented ? t.lower : (!restored.empty() && !restored[i].empty() ? restored[i] : t.folded);
          snippet_weights.emplace(key, pw);
        }
      }
      if (r.exact_weight > 0) {
        const std::string* form = plan.accented ? &t.lower : (!restored.empty() && !restored[i].empty() ? &restored[i] : nullptr);
        if (form) {
          std::uint32_t e = postings.exact.find(*form);
          if (e != kNone) terms.push_back({TermKind::exact, e, w * r.exact_weight});
        }
      }
      if (r.bigram_weight > 0 && t.joined && prev_f != kNone && f != kNone) {
        std::uint32_t b = postings.bigrams.find(pair_key(prev_f, f));
        if (b != kNone) terms.push_back({TermKind::bigram, b, std::min(w, prev_w) * r.bigram_weight});
      }
      prev_f = f;
      prev_w = w;
    }
    merge_terms(terms);
  }

  Scratch& sc = scratch();
  if (sc.acc.size() < postings.slots.size()) sc.acc.resize(postings.slots.size(), 0.0f);
  sc.touched.clear();
  score_terms(terms, sc);

  // Phrase constraints: exact where the user typed diacritics, else folded; if an accented phrase
  // is nowhere, its folded form is accepted (a wrong tone mark should not empty the page).
  struct Phrase {
    std::vector<std::uint32_t> exact_ids, folded_ids;
    bool exact_ok = true;
  };
  std::vector<Phrase> phrases;
  for (const auto& ph : plan.phrases) {
    Phrase p;
    bool accented = false;
    for (auto i : ph) {
      accented |= text::has_diacritics(toks[i].lower);
      p.folded_ids.push_back(postings.folded.find(toks[i].folded));
      p.exact_ids.push_back(text::has_diacritics(toks[i].lower) ? postings.exact.find(toks[i].lower) : kNone);
    }
    for (std::size_t k = 0; k < ph.size(); ++k)
      if (p.exact_ids[k] == kNone && !text::has_diacritics(toks[ph[k]].lower)) p.exact_ids[k] = kNone;
    p.exact_ok = accented;
    phrases.push_back(std::move(p));
  }
  auto phrase_pass = [&](const Slot& s, bool strict) {
    for (const auto& p : phrases) {
      if (std::find(p.folded_ids.begin(), p.folded_ids.end(), kNone) != p.folded_ids.end()) return false;
      bool ok = strict && p.exact_ok ? phrase_ok(s, p.exact_ids, true) && phrase_ok(s, p.folded_ids, false)
                                     : phrase_ok(s, p.folded_ids, false);
      if (!ok) return false;
    }
    return true;
  };

  // Candidates.
  std::vector<std::pair<float, std::uint32_t>> cand;
  cand.reserve(sc.touched.size());
  const float boost = static_cast<float>(1.0 + r.mention_boost);
  for (auto slot : sc.touched) {
    float score = sc.acc[slot];
    sc.acc[slot] = 0;
    const Slot& s = postings.slots[slot];
    if (!passes(s)) continue;
    if (!mentioned.empty() && std::find(mentioned.begin(), mentioned.end(), s.doc) != mentioned.end()) score *= boost;
    cand.emplace_back(score, slot);
  }
  if (!phrases.empty()) {
    std::vector<std::pair<float, std::uint32_t>> kept;
    for (bool strict : {true, false}) {
      for (const auto& c : cand)
        if (phrase_pass(postings.slots[c.second], strict)) kept.push_back(c);
      if (!kept.empty()) break;
    }
    cand = std::move(kept);
  }

  // Proximity re-ranking of the head.
  std::size_t want = q.offset + q.limit;
  std::size_t head = std::min(cand.size(), std::max<std::size_t>(want, static_cast<std::size_t>(std::max(0, r.rerank_depth))));
  auto by_score = [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); };
  std::partial_sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(head), cand.end(), by_score);
  std::vector<std::uint32_t> defined;
  for (auto i : plan.defined_term) defined.push_back(postings.folded.find(toks[i].folded));
  if (std::find(defined.begin(), defined.end(), kNone) != defined.end()) defined.clear();
  if ((r.proximity_weight > 0 && prox_ids.size() > 1) || (r.definition_boost > 0 && !defined.empty())) {
    if (sc.query_word.size() < postings.folded.postings.size()) sc.query_word.resize(postings.folded.postings.size(), -1);
    for (std::size_t k = 0; k < prox_ids.size(); ++k) sc.query_word[prox_ids[k]] = static_cast<std::int32_t>(k);
    for (std::size_t i = 0; i < head; ++i) {
      const Slot& s = postings.slots[cand[i].second];
      double f = 1.0;
      if (r.proximity_weight > 0 && prox_ids.size() > 1)
        f += r.proximity_weight * proximity(s, sc.query_word, prox_weights, prox_total, sc);
      if (r.definition_boost > 0 && !defined.empty() && defines(s, defined)) f *= 1.0 + r.definition_boost;
      cand[i].first *= static_cast<float>(f);
    }
    for (auto id : prox_ids) sc.query_word[id] = -1;
    std::sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(head), by_score);
  }

  const bool snippet_exact = plan.accented || !restored.empty();
  // Query words for the snippets, by exact id when the diacritics are known, else by folded id.
  std::vector<std::uint32_t> marked_ids;
  std::vector<double> marked_weights;
  auto& marks = snippet_exact ? sc.mark_exact : sc.mark_folded;
  if (marks.size() < (snippet_exact ? postings.exact.postings.size() : postings.folded.postings.size()))
    marks.resize(snippet_exact ? postings.exact.postings.size() : postings.folded.postings.size(), -1);
  for (const auto& [word, weight] : snippet_weights) {
    std::uint32_t id = snippet_exact ? postings.exact.find(word) : postings.folded.find(word);
    if (id == kNone || marks[id] >= 0) continue;
    marks[id] = static_cast<std::int32_t>(marked_ids.size());
    marked_ids.push_back(id);
    marked_weights.push_back(weight);
  }
  auto snippet = [&](const Slot& s, const std::string& clause) {
    if (s.offsets.size() != s.folded_seq.size()) return make_snippet(s.p.title, s.p.text, snippet_weights, snippet_exact, clause);
    const auto& ids = snippet_exact ? s.exact_seq : s.folded_seq;
    sc.title_words.clear();
    sc.text_words.clear();
    auto* words = &sc.title_words;
    for (std::size_t k = 0; k < ids.size(); ++k) {
      if (ids[k] == kGap) {
        words = &sc.text_words;
        continue;
      }
      std::int32_t m = ids[k] < marks.size() ? marks[ids[k]] : -1;
      std::uint32_t begin = s.offsets[k] >> 8, end = begin + (s.offsets[k] & 0xFF);
      words->push_back({begin, end, m, m >= 0 ? marked_weights[static_cast<std::size_t>(m)] : 0.0});
    }
    return render_snippet(s.p.title, sc.title_words, s.p.text, sc.text_words, clause);
  };
  // Assemble: citations, then passages of a named number, then text.
  struct Out {
    std::uint32_t slot;
    double score;
    const char* match;
    const std::string* clause;
  };
  std::vector<Out> out;
  out.reserve(want);
  std::size_t total = 0;
  if (sc.used.size() < postings.slots.size()) sc.used.resize(postings.slots.size(), 0);
  std::vector<std::uint32_t> used;
  static const std::string no_clause;
  auto take = [&](std::uint32_t slot, double score, const char* match, const std::string* clause) {
    if (sc.used[slot] || !passes(postings.slots[slot])) return;
    sc.used[slot] = 1;
    used.push_back(slot);
    ++total;
    if (out.size() < want) out.push_back({slot, score, match, clause});
  };
  double top = cand.empty() ? 1.0 : std::max(1.0, static_cast<double>(cand.front().first));
  for (const auto& [slot, clause] : cited) take(slot, 1000.0 * top, "citation", &clause);
  if (!numbered.empty()) {
    if (terms.empty()) {
      // The query is a number: the document's passages in order.
      for (auto d : numbered) {
        auto it = documents.docs.find(d);
        if (it == documents.docs.end()) continue;
        auto list = it->second.slots;
        std::sort(list.begin(), list.end(), [&](auto a, auto b) { return article_less(postings.slots[a].p.article_number, postings.slots[b].p.article_number); });
        double score = 100.0;
        for (auto s : list) take(s, score *= 0.999, "number", &no_clause);
      }
    } else {
      // A number and words: the passages of that document first, best first.
      std::vector<std::pair<float, std::uint32_t>> own;
      for (const auto& c : cand)
        if (std::find(numbered.begin(), numbered.end(), postings.slots[c.second].doc) != numbered.end()) own.push_back(c);
      std::sort(own.begin(), own.end(), by_score);
      for (const auto& [score, slot] : own) take(slot, 100.0 * top + score, "number", &no_clause);
    }
  }
  for (const auto& [score, slot] : cand) take(slot, score, "text", &no_clause);
  for (auto slot : used) sc.used[slot] = 0;

  result.total = total;
  for (std::size_t i = q.offset; i < out.size(); ++i) {
    const Slot& s = postings.slots[out[i].slot];
    Hit h;
    h.id = s.p.id;
    h.score = out[i].score;
    h.match = out[i].match;
    h.snippet = snippet(s, *out[i].clause);
    result.hits.push_back(std::move(h));
  }
  for (auto id : marked_ids) marks[id] = -1;
  return result;
}

// ---------------------------------------------------------------------------------------------

Index::Index() : impl_(std::make_unique<Impl>()) {}
Index::~Index() = default;

void Index::upsert(Passage p) {
  p.document_title = text::normalize(p.document_title);
  p.title = text::normalize(p.title);
  p.text = text::normalize(p.text);
  p.document_number = text::normalize(p.document_number);
  Analysed a = analyse(p);  // outside the lock: the expensive part
  std::unique_lock lock(impl_->mutex);
  impl_->add(std::move(p), a);
}

void Index::remove(std::int64_t id) {
  std::unique_lock lock(impl_->mutex);
  auto it = impl_->postings.slot_of_id.find(id);
  if (it == impl_->postings.slot_of_id.end()) return;
  impl_->kill(it->second);
  impl_->maybe_compact();
}

void Index::remove_document(std::int64_t document_id) {
  std::unique_lock lock(impl_->mutex);
  auto it = impl_->documents.docs.find(document_id);
  if (it == impl_->documents.docs.end()) return;
  auto list = it->second.slots;  // kill() edits the document's list and may erase it
  for (auto s : list) impl_->kill(s);
  impl_->maybe_compact();
}

Result Index::search(const Query& q) const {
  auto start = std::chrono::steady_clock::now();
  Result r;
  {
    std::shared_lock lock(impl_->mutex);
    r = impl_->run(q);
  }
  r.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

std::size_t Index::size() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->postings.live;
}

std::size_t Index::memory_bytes() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->memory();
}

std::optional<Passage> Index::passage(std::int64_t id) const {
  std::shared_lock lock(impl_->mutex);
  auto it = impl_->postings.slot_of_id.find(id);
  if (it == impl_->postings.slot_of_id.end()) return std::nullopt;
  return impl_->postings.slots[it->second].p;
}

std::optional<std::string> Index::suggest(const std::string& text) const {
  QueryPlan plan = plan_query(text);
  if (plan.accented || !plan.has_letters) return std::nullopt;
  std::shared_lock lock(impl_->mutex);
  std::vector<std::string> restored;
  if (!restore_accents(impl_->postings, plan.source_tokens, restored)) return std::nullopt;
  auto s = spell_suggestion(plan, restored);
  if (!s || *s == plan.text) return std::nullopt;
  return s;
}

void Index::set_ranking(const Ranking& r) {
  std::unique_lock lock(impl_->mutex);
  impl_->ranking = r;
}

Ranking Index::ranking() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->ranking;
}

}  // namespace search
