#include "search/index.h"

#include "search/accent_restoration.h"
#include "search/documents.h"
#include "search/postings.h"
#include "search/query_plan.h"
#include "search/query_terms.h"
#include "search/results.h"
#include "search/scoring.h"

#include <chrono>
#include <mutex>
#include <shared_mutex>

namespace search {

namespace {

// Scratch space of one searching thread.
struct Scratch {
  ScoringScratch scoring;
  ResultScratch results;
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
  std::shared_ptr<const text::Thesaurus> thesaurus;
  std::shared_ptr<const text::Thesaurus> law_subjects;
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

  struct Prepared;
  Prepared prepare(const Query& q, std::optional<std::string>& suggestion) const;
  Result run(const Query& q) const;
  std::vector<RankedCandidate> head(const Query& q) const;
  std::vector<std::string> accented_spelling(const QueryPlan& plan, std::optional<std::string>& suggestion) const;
  std::size_t memory() const { return sizeof(Impl) + postings.memory() + documents.memory(); }
};

// Unaccented query: the accented spelling, for the suggestion and for scoring (per token of
// plan.tokens; empty for an accented query or with Ranking::restore_diacritics off).
std::vector<std::string> Index::Impl::accented_spelling(const QueryPlan& plan, std::optional<std::string>& suggestion) const {
  std::vector<std::string> restored;
  if (plan.accented || !plan.has_letters) return restored;
  if (restore_accents(postings, plan.source_tokens, restored)) {
    suggestion = spell_suggestion(plan, restored);
    if (suggestion && *suggestion == plan.text) suggestion.reset();
  }
  restored = restored_for_terms(plan, restored);
  if (!ranking.restore_diacritics) restored.clear();
  return restored;
}

// The stages before ranking: what the query means, its citations, its terms scored with BM25F,
// and the candidates that pass its filters and phrases.
struct Index::Impl::Prepared {
  QueryPlan plan;
  std::vector<std::string> restored;
  CitationMatches citations;
  QueryTerms terms;
  std::vector<Candidate> candidates;
};

Index::Impl::Prepared Index::Impl::prepare(const Query& q, std::optional<std::string>& suggestion) const {
  Prepared p;
  p.plan = plan_query(q.text, ranking.thesaurus_weight > 0 ? thesaurus.get() : nullptr);
  p.restored = accented_spelling(p.plan, suggestion);
  // Citations and document numbers.
  p.citations = match_citations(p.plan, documents, postings.slots);
  // A citation of a document the index does not hold ("điều 20 luật cư chú"): its words are text.
  for (const auto& [begin, end] : p.citations.unresolved)
    for (auto& t : p.plan.tokens)
      if (t.begin >= begin && t.end <= end) t.excluded = false;
  // Text terms, scored with BM25F.
  p.terms = text_terms(p.plan, p.restored, postings, ranking);
  add_question_form(p.plan, postings, p.terms);
  ScoringScratch& sc = scratch().scoring;
  score_bm25f(postings, ranking, p.terms.scored, sc);
  // Candidates: filters, documents the query names, phrases.
  p.candidates = collect_candidates(postings, q, p.citations.mentioned, ranking.mention_boost, sc);
  keep_phrase_matches(p.candidates, phrase_constraints(p.plan, postings), postings);
  return p;
}

Result Index::Impl::run(const Query& q) const {
  Result result;
  Prepared p = prepare(q, result.suggestion);
  Scratch& sc = scratch();
  // The head re-ranked (proximity and definitions, or the learned model).
  rank_head(p.candidates, q.offset + q.limit, p.terms, postings, ranking, sc.scoring);
  // Assemble: citations, then passages of a named number, then text.
  const RankedQuery ranked{p.citations, p.terms, p.candidates, p.plan.accented || !p.restored.empty()};
  assemble_hits(result, q, ranked, postings, documents, sc.results);
  const auto named = text::find_document_refs(p.plan.text);
  result.missing_documents = missing_documents(p.plan, named, documents);
  if (law_subjects) result.outside_library = laws_not_held(p.plan, named, documents, *law_subjects);
  return result;
}

std::vector<RankedCandidate> Index::Impl::head(const Query& q) const {
  std::optional<std::string> suggestion;
  Prepared p = prepare(q, suggestion);
  ScoringScratch& sc = scratch().scoring;
  const std::size_t n = sort_head(p.candidates, 0, ranking);
  head_features(p.candidates, n, p.terms, postings, ranking, sc, sc.features);
  std::vector<RankedCandidate> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back({postings.slots[p.candidates[i].second].p.id, p.candidates[i].first, sc.features[i]});
  return out;
}

// ---------------------------------------------------------------------------------------------

Index::Index() : impl_(std::make_unique<Impl>()) {}
Index::~Index() = default;

void Index::upsert(Passage p) {
  p.document_title = text::normalize(p.document_title);
  p.title = text::normalize(p.title);
  p.text = text::normalize(p.text);
  p.document_number = text::normalize(p.document_number);
  p.context = text::normalize(p.context);
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

std::vector<RankedCandidate> Index::candidates(const Query& q) const {
  std::shared_lock lock(impl_->mutex);
  return impl_->head(q);
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

void Index::set_thesaurus(std::shared_ptr<const text::Thesaurus> thesaurus) {
  std::unique_lock lock(impl_->mutex);
  impl_->thesaurus = std::move(thesaurus);
}

void Index::set_law_subjects(std::shared_ptr<const text::Thesaurus> subjects) {
  std::unique_lock lock(impl_->mutex);
  impl_->law_subjects = std::move(subjects);
}

std::shared_ptr<const text::Thesaurus> Index::thesaurus() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->thesaurus;
}

Ranking Index::ranking() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->ranking;
}

}  // namespace search
