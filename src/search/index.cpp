#include "search/index.h"

#include "search/query_plan.h"
#include "search/snippet.h"
#include "text/document_number.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace search {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kGap = kNone - 1;  // between title and body in the forward sequences

// One passage in one term's posting list: term frequency per field (title, body, document title).
struct Posting {
  std::uint32_t slot;
  std::uint16_t body;
  std::uint8_t title;
  std::uint8_t doc;
};
static_assert(sizeof(Posting) == 8);

enum Field : std::uint8_t { kTitle = 0, kBody = 1, kDoc = 2 };

template <typename Key, typename Hash = std::hash<Key>>
struct TermTable {
  std::unordered_map<Key, std::uint32_t, Hash> ids;
  std::vector<std::vector<Posting>> postings;

  std::uint32_t intern(const Key& k) {
    auto [it, inserted] = ids.try_emplace(k, static_cast<std::uint32_t>(postings.size()));
    if (inserted) postings.emplace_back();
    return it->second;
  }
  std::uint32_t find(const Key& k) const {
    auto it = ids.find(k);
    return it == ids.end() ? kNone : it->second;
  }
  std::size_t memory() const {
    std::size_t m = ids.bucket_count() * sizeof(void*) + ids.size() * (sizeof(Key) + 32) + postings.capacity() * sizeof(postings[0]);
    for (const auto& p : postings) m += p.capacity() * sizeof(Posting);
    if constexpr (std::is_same_v<Key, std::string>)
      for (const auto& [k, v] : ids) m += k.capacity() > 15 ? k.capacity() + 1 : 0;
    return m;
  }
};

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return (static_cast<std::uint64_t>(a) << 32) | b; }

struct Slot {
  Passage p;
  std::int64_t doc = 0;
  std::uint32_t len_title = 0, len_body = 0, len_doc = 0;
  bool live = true;
  // Forward index: folded and exact term ids of the title, kGap, then the body (phrases, proximity).
  std::vector<std::uint32_t> folded_seq, exact_seq;
  std::vector<std::uint32_t> line_starts;  // positions in the sequences where a body line begins
  // Byte range of each word in its field (title or body), packed as begin << 8 | length, for
  // snippets without tokenising again; empty when a field is too long to pack (16 MB).
  std::vector<std::uint32_t> offsets;
};

// What scoring reads for every posting, kept apart from the big Slot so the loop stays in cache.
struct SlotStat {
  std::uint32_t len_title = 0, len_body = 0;
  bool live = false;
};

struct DocInfo {
  std::string title, number, number_key;
  std::vector<std::string> keys;  // registered title keys
  std::vector<std::uint32_t> slots;
};

// Natural order of article numbers: "2" < "2a" < "10"; documents without articles first.
bool article_less(const std::string& a, const std::string& b) {
  auto num = [](const std::string& s) {
    long v = 0;
    std::size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 9) v = v * 10 + (s[i++] - '0');
    return std::pair<long, std::string>(i == 0 ? -1 : v, s.substr(i));
  };
  return num(a) < num(b);
}

std::string article_key(std::string_view s) {
  std::string k = text::fold(s);
  std::size_t i = 0;
  while (i + 1 < k.size() && k[i] == '0') ++i;  // "05" = "5"
  return k.substr(i);
}

// Title keys under which a document can be named: the title itself, without a trailing year
// ("Bộ luật Dân sự 2015", "... năm 2015"), and without "và" (people drop it: "Luật Hôn nhân gia đình").
std::vector<std::string> title_variants(const std::string& title) {
  std::vector<std::string> words;
  for (auto& t : text::tokenize(title)) words.push_back(t.folded);
  auto join = [](const std::vector<std::string>& w) {
    std::string s;
    for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
    return s;
  };
  std::vector<std::string> out;
  auto add = [&](const std::vector<std::string>& w) {
    if (w.size() < 2) return;  // a single word is not a name
    std::string k = join(w);
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  };
  add(words);
  auto no_year = words;
  if (!no_year.empty() && no_year.back().size() == 4 && std::all_of(no_year.back().begin(), no_year.back().end(), ::isdigit)) {
    no_year.pop_back();
    if (!no_year.empty() && no_year.back() == "nam") no_year.pop_back();
    add(no_year);
  }
  std::vector<std::string> no_and;
  for (const auto& w : no_year)
    if (w != "va") no_and.push_back(w);
  add(no_and);
  return out;
}

struct Analysed {
  std::vector<text::Token> title, body, doc;
};

Analysed analyse(const Passage& p) {
  Analysed a;
  a.title = text::tokenize(p.title);
  a.body = text::tokenize(p.text);
  std::string doc = p.document_title;
  if (!p.document_number.empty() && text::title_key(p.document_number) != text::title_key(p.document_title))
    doc += "\n" + p.document_number;
  a.doc = text::tokenize(doc);
  return a;
}

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

  std::vector<Slot> slots;
  std::vector<SlotStat> stats;  // parallel to slots
  std::unordered_map<std::int64_t, std::uint32_t> slot_of_id;
  std::size_t live = 0, dead = 0;
  double sum_title = 0, sum_body = 0, sum_doc = 0;

  TermTable<std::string> exact, folded;
  TermTable<std::uint64_t> bigrams;  // folded syllable pairs
  std::vector<std::string> exact_text;                  // exact id → word
  std::vector<std::string> folded_text;                 // folded id → word
  std::vector<std::uint32_t> exact_count;               // exact id → occurrences
  std::vector<std::vector<std::uint32_t>> forms;        // folded id → exact ids
  std::unordered_map<std::uint64_t, std::uint32_t> exact_pairs;  // exact bigram → occurrences
  std::uint64_t total_tokens = 0;

  std::unordered_map<std::int64_t, DocInfo> docs;
  std::unordered_map<std::string, std::vector<std::int64_t>> docs_by_title;
  std::unordered_map<std::string, std::vector<std::int64_t>> docs_by_number;
  std::size_t longest_title = 0;  // in words

  // ---- writing (exclusive lock held) ----

  std::uint32_t intern_exact(const std::string& lower, const std::string& folded_form) {
    auto [it, inserted] = exact.ids.try_emplace(lower, static_cast<std::uint32_t>(exact.postings.size()));
    if (inserted) {
      exact.postings.emplace_back();
      exact_text.push_back(lower);
      exact_count.push_back(0);
      std::uint32_t f = folded.intern(folded_form);
      if (folded_text.size() <= f) folded_text.resize(f + 1);
      folded_text[f] = folded_form;
      if (forms.size() <= f) forms.resize(f + 1);
      forms[f].push_back(it->second);
    }
    return it->second;
  }

  void register_doc(std::int64_t id, DocInfo& d) {
    d.keys = title_variants(d.title);
    for (const auto& k : d.keys) {
      docs_by_title[k].push_back(id);
      longest_title = std::max<std::size_t>(longest_title, std::count(k.begin(), k.end(), ' ') + 1);
    }
    d.number_key = text::document_number_key(d.number.empty() ? d.title : d.number);
    if (!d.number_key.empty()) docs_by_number[d.number_key].push_back(id);
  }

  void unregister_doc(std::int64_t id, DocInfo& d) {
    auto drop = [id](auto& map, const std::string& key) {
      auto it = map.find(key);
      if (it == map.end()) return;
      std::erase(it->second, id);
      if (it->second.empty()) map.erase(it);
    };
    for (const auto& k : d.keys) drop(docs_by_title, k);
    if (!d.number_key.empty()) drop(docs_by_number, d.number_key);
    d.keys.clear();
    d.number_key.clear();
  }

  void add(Passage&& p, Analysed&& a) {
    if (auto it = slot_of_id.find(p.id); it != slot_of_id.end()) kill(it->second);
    const auto slot = static_cast<std::uint32_t>(slots.size());
    Slot s;
    s.doc = p.document_id;
    s.len_title = static_cast<std::uint32_t>(a.title.size());
    s.len_body = static_cast<std::uint32_t>(a.body.size());
    s.len_doc = static_cast<std::uint32_t>(a.doc.size());

    // (term, field) occurrences, counted after sorting.
    std::vector<std::pair<std::uint32_t, Field>> ex, fo;
    std::vector<std::pair<std::uint64_t, Field>> bi;
    auto field_tokens = [&](const std::vector<text::Token>& toks, Field f, bool forward) {
      std::uint32_t prev_f = kNone, prev_e = kNone;
      for (const auto& t : toks) {
        std::uint32_t e = intern_exact(t.lower, t.folded);
        std::uint32_t fid = folded.find(t.folded);
        ex.emplace_back(e, f);
        fo.emplace_back(fid, f);
        if (t.joined && prev_f != kNone) {
          bi.emplace_back(pair_key(prev_f, fid), f);
          if (forward) ++exact_pairs[pair_key(prev_e, e)];
        }
        if (forward) {
          s.folded_seq.push_back(fid);
          s.exact_seq.push_back(e);
          s.offsets.push_back(t.begin < (1u << 24) ? (t.begin << 8) | std::min<std::uint32_t>(t.end - t.begin, 255) : kNone);
          ++exact_count[e];
          ++total_tokens;
        }
        prev_f = fid;
        prev_e = e;
      }
    };
    field_tokens(a.title, kTitle, true);
    s.folded_seq.push_back(kGap);
    s.exact_seq.push_back(kGap);
    s.offsets.push_back(0);
    for (std::size_t i = 0; i < a.body.size(); ++i)
      if (i == 0 || p.text.find('\n', a.body[i - 1].end) < a.body[i].begin)
        s.line_starts.push_back(static_cast<std::uint32_t>(s.folded_seq.size() + i));
    s.line_starts.shrink_to_fit();
    field_tokens(a.body, kBody, true);
    field_tokens(a.doc, kDoc, false);
    s.folded_seq.shrink_to_fit();
    s.exact_seq.shrink_to_fit();
    if (std::find(s.offsets.begin(), s.offsets.end(), kNone) != s.offsets.end()) s.offsets = {};
    s.offsets.shrink_to_fit();

    auto emit = [slot](auto& occurrences, auto& table, auto intern) {
      std::sort(occurrences.begin(), occurrences.end());
      for (std::size_t i = 0; i < occurrences.size();) {
        auto term = occurrences[i].first;
        Posting post{slot, 0, 0, 0};
        while (i < occurrences.size() && occurrences[i].first == term) {
          switch (occurrences[i].second) {
            case kTitle: post.title = static_cast<std::uint8_t>(std::min(255, post.title + 1)); break;
            case kBody: post.body = static_cast<std::uint16_t>(std::min(65535, post.body + 1)); break;
            case kDoc: post.doc = static_cast<std::uint8_t>(std::min(255, post.doc + 1)); break;
          }
          ++i;
        }
        table.postings[intern(term)].push_back(post);
      }
    };
    emit(ex, exact, [](std::uint32_t t) { return t; });
    emit(fo, folded, [](std::uint32_t t) { return t; });
    emit(bi, bigrams, [this](std::uint64_t k) { return bigrams.intern(k); });

    auto& d = docs[p.document_id];
    if (d.slots.empty() || d.title != p.document_title || d.number != p.document_number) {
      unregister_doc(p.document_id, d);
      d.title = p.document_title;
      d.number = p.document_number;
      register_doc(p.document_id, d);
    }
    d.slots.push_back(slot);
    slot_of_id[p.id] = slot;
    sum_title += s.len_title;
    sum_body += s.len_body;
    sum_doc += s.len_doc;
    ++live;
    s.p = std::move(p);
    stats.push_back({s.len_title, s.len_body, true});
    slots.push_back(std::move(s));
  }

  // Marks a slot dead; its postings go at the next compaction.
  void kill(std::uint32_t slot) {
    Slot& s = slots[slot];
    if (!s.live) return;
    s.live = false;
    stats[slot].live = false;
    --live;
    ++dead;
    sum_title -= s.len_title;
    sum_body -= s.len_body;
    sum_doc -= s.len_doc;
    for (std::size_t i = 0; i < s.exact_seq.size(); ++i) {
      if (s.exact_seq[i] == kGap) continue;
      --exact_count[s.exact_seq[i]];
      --total_tokens;
    }
    // Pairs were counted where the tokens were joined; recount them the same way is not possible
    // from the sequence alone, so drop the pairs of adjacent tokens (an overestimate is harmless).
    for (std::size_t i = 1; i < s.exact_seq.size(); ++i) {
      if (s.exact_seq[i] == kGap || s.exact_seq[i - 1] == kGap) continue;
      auto it = exact_pairs.find(pair_key(s.exact_seq[i - 1], s.exact_seq[i]));
      if (it != exact_pairs.end() && --it->second == 0) exact_pairs.erase(it);
    }
    slot_of_id.erase(s.p.id);
    auto dit = docs.find(s.doc);
    if (dit != docs.end()) {
      std::erase(dit->second.slots, slot);
      if (dit->second.slots.empty()) {
        unregister_doc(dit->first, dit->second);
        docs.erase(dit);
      }
    }
    s.folded_seq = {};
    s.exact_seq = {};
    s.line_starts = {};
    s.offsets = {};
    s.p.text = {};
    s.p.title = {};
  }

  void maybe_compact() {
    if (dead < 256 || dead * 4 < live) return;
    std::vector<std::uint32_t> remap(slots.size(), kNone);
    std::vector<Slot> kept;
    kept.reserve(live);
    for (std::uint32_t i = 0; i < slots.size(); ++i) {
      if (!slots[i].live) continue;
      remap[i] = static_cast<std::uint32_t>(kept.size());
      kept.push_back(std::move(slots[i]));
    }
    slots = std::move(kept);
    stats.clear();
    for (const auto& k : slots) stats.push_back({k.len_title, k.len_body, true});
    auto fix = [&](std::vector<std::vector<Posting>>& lists) {
      for (auto& list : lists) {
        std::size_t w = 0;
        for (const auto& post : list)
          if (remap[post.slot] != kNone) list[w++] = {remap[post.slot], post.body, post.title, post.doc};
        list.resize(w);
        list.shrink_to_fit();
      }
    };
    fix(exact.postings);
    fix(folded.postings);
    fix(bigrams.postings);
    for (auto& [id, s] : slot_of_id) s = remap[s];
    for (auto& [id, d] : docs)
      for (auto& s : d.slots) s = remap[s];
    dead = 0;
  }

  // ---- reading (shared lock held) ----

  double idf(std::size_t df) const {
    double n = static_cast<double>(std::max<std::size_t>(live, 1));
    double d = static_cast<double>(std::min(df, live));
    return std::log(1.0 + (n - d + 0.5) / (d + 0.5));
  }

  std::optional<std::string> restore(const std::vector<QueryToken>& toks, std::vector<std::string>& restored) const;
  Result run(const Query& q) const;
  void score_terms(const std::vector<ScoredTerm>& terms, Scratch& sc) const;
  std::vector<std::int64_t> mentioned_docs(const std::vector<QueryToken>& toks) const;
  std::optional<std::uint32_t> article_slot(std::int64_t doc, const std::string& article) const;
  std::vector<std::int64_t> resolve(const text::DocumentRef& ref) const;
  bool phrase_ok(const Slot& s, const std::vector<std::uint32_t>& ids, bool exact_ids) const;
  double proximity(const Slot& s, const std::vector<std::int32_t>& slot_of, const std::vector<double>& weights, double total,
                   Scratch& sc) const;
  bool defines(const Slot& s, const std::vector<std::uint32_t>& term) const;
  std::size_t memory() const;
};

// ---------------------------------------------------------------------------------------------
// Diacritic restoration: the likeliest accented word sequence for unaccented tokens, from the
// indexed words (a bigram model with interpolated unigram probabilities, solved with Viterbi).

std::optional<std::string> Index::Impl::restore(const std::vector<QueryToken>& toks, std::vector<std::string>& restored) const {
  restored.assign(toks.size(), {});
  if (toks.empty() || total_tokens == 0) return std::nullopt;
  constexpr std::size_t kMaxForms = 8;
  constexpr double kMu = 2.0;
  const double total = static_cast<double>(total_tokens);
  auto unigram = [&](std::uint32_t e) { return (exact_count[e] + 0.5) / (total + 1.0); };
  std::vector<std::vector<std::uint32_t>> cand(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    std::uint32_t f = folded.find(toks[i].folded);
    if (f == kNone || f >= forms.size() || forms[f].empty()) continue;
    cand[i] = forms[f];
    std::sort(cand[i].begin(), cand[i].end(), [&](auto a, auto b) { return exact_count[a] > exact_count[b]; });
    if (cand[i].size() > kMaxForms) cand[i].resize(kMaxForms);
    std::erase_if(cand[i], [&](auto e) { return exact_count[e] == 0; });
  }
  // Viterbi over runs of candidates; a token without candidates keeps its spelling and cuts the chain.
  std::vector<std::vector<double>> best(toks.size());
  std::vector<std::vector<int>> back(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    best[i].assign(cand[i].size(), 0);
    back[i].assign(cand[i].size(), -1);
    bool chained = i > 0 && toks[i].joined && !cand[i - 1].empty();
    for (std::size_t c = 0; c < cand[i].size(); ++c) {
      std::uint32_t e = cand[i][c];
      double pu = unigram(e);
      if (!chained) {
        best[i][c] = std::log(pu);
        continue;
      }
      double top = -1e300;
      int arg = 0;
      for (std::size_t p = 0; p < cand[i - 1].size(); ++p) {
        std::uint32_t pe = cand[i - 1][p];
        auto it = exact_pairs.find(pair_key(pe, e));
        double pair = it == exact_pairs.end() ? 0.0 : it->second;
        double v = best[i - 1][p] + std::log((pair + kMu * pu) / (exact_count[pe] + kMu));
        if (v > top) {
          top = v;
          arg = static_cast<int>(p);
        }
      }
      best[i][c] = top;
      back[i][c] = arg;
    }
  }
  // Backtrack each chain from its end.
  for (std::size_t i = toks.size(); i-- > 0;) {
    if (cand[i].empty() || !restored[i].empty()) continue;
    int c = static_cast<int>(std::max_element(best[i].begin(), best[i].end()) - best[i].begin());
    for (std::size_t k = i + 1; k-- > 0;) {
      restored[k] = exact_text[cand[k][c]];
      int b = back[k][c];
      if (b < 0) break;
      c = b;
    }
  }
  bool changed = false;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (restored[i].empty()) restored[i] = toks[i].lower;
    changed |= restored[i] != toks[i].lower;
  }
  if (!changed) return std::nullopt;
  return std::string();  // the caller spells the suggestion with the query's case
}

// ---------------------------------------------------------------------------------------------

void Index::Impl::score_terms(const std::vector<ScoredTerm>& terms, Scratch& sc) const {
  const Ranking& r = ranking;
  const double n = static_cast<double>(std::max<std::size_t>(live, 1));
  const float avg_title = static_cast<float>(std::max(sum_title / n, 1.0));
  const float avg_body = static_cast<float>(std::max(sum_body / n, 1.0));
  const float wt = static_cast<float>(r.title_weight), wb = static_cast<float>(r.body_weight),
              wd = static_cast<float>(r.document_weight);
  const float bt = static_cast<float>(r.title_b), bb = static_cast<float>(r.body_b);
  const float k1 = static_cast<float>(r.k1);
  for (const auto& term : terms) {
    const std::vector<Posting>* list = nullptr;
    switch (term.kind) {
      case TermKind::exact: list = &exact.postings[term.id]; break;
      case TermKind::folded: list = &folded.postings[term.id]; break;
      case TermKind::bigram: list = &bigrams.postings[term.id]; break;
    }
    if (list->empty()) continue;
    const float w = static_cast<float>(term.weight * idf(list->size()));
    for (const auto& post : *list) {
      const SlotStat& s = stats[post.slot];
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

// Documents whose title the query names ("theo Luật Cư trú", "bộ luật lao động"), longest first.
std::vector<std::int64_t> Index::Impl::mentioned_docs(const std::vector<QueryToken>& toks) const {
  std::vector<std::int64_t> out;
  if (docs_by_title.empty()) return out;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    std::string key;
    std::size_t best_len = 0;
    const std::vector<std::int64_t>* best = nullptr;
    for (std::size_t len = 1; len <= longest_title && i + len <= toks.size(); ++len) {
      if (len > 1) key += ' ';
      key += toks[i + len - 1].folded;
      if (len < 2) continue;
      auto it = docs_by_title.find(key);
      if (it != docs_by_title.end()) {
        best = &it->second;
        best_len = len;
      }
    }
    if (best) {
      for (auto d : *best)
        if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
      i += best_len - 1;
    }
  }
  return out;
}

std::optional<std::uint32_t> Index::Impl::article_slot(std::int64_t doc, const std::string& article) const {
  auto it = docs.find(doc);
  if (it == docs.end()) return std::nullopt;
  std::string key = article_key(article);
  for (auto s : it->second.slots)
    if (slots[s].live && article_key(slots[s].p.article_number) == key) return s;
  return std::nullopt;
}

std::vector<std::int64_t> Index::Impl::resolve(const text::DocumentRef& ref) const {
  if (!ref.number.empty()) {
    auto it = docs_by_number.find(text::document_number_key(ref.number));
    if (it != docs_by_number.end()) return it->second;
    return {};
  }
  for (const auto& key : ref.title_keys()) {
    auto it = docs_by_title.find(key);
    if (it != docs_by_title.end()) return it->second;
  }
  return {};
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
  const std::uint32_t la = exact.find(kLa);
  if (term.empty() || la == kNone) return false;
  const auto& f = s.folded_seq;
  for (auto start : s.line_starts) {
    std::size_t i = start;
    // Skip a clause number or a point letter.
    if (i < f.size() && f[i] < folded_text.size()) {
      const std::string& w = folded_text[f[i]];
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
    if (restore(plan.source_tokens, restored)) {
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
  std::vector<std::int64_t> mentioned = mentioned_docs(toks);
  std::vector<std::pair<std::uint32_t, std::string>> cited;  // slot, clause
  for (const auto& c : plan.citations) {
    std::vector<std::int64_t> targets;
    if (c.document && !c.document->self) targets = resolve(*c.document);
    else if (!c.document) targets = mentioned;
    for (auto d : targets) {
      if (std::find(mentioned.begin(), mentioned.end(), d) == mentioned.end()) mentioned.push_back(d);
      if (c.article.empty()) continue;
      if (auto s = article_slot(d, c.article)) cited.emplace_back(*s, c.clause);
    }
    // "Điều 5" alone: that article of every document.
    if (!c.document && targets.empty() && !c.article.empty() && plan.only_citations) {
      for (const auto& [id, d] : docs)
        if (auto s = article_slot(id, c.article)) cited.emplace_back(*s, c.clause);
      std::sort(cited.begin(), cited.end(), [&](const auto& a, const auto& b) { return slots[a.first].doc < slots[b.first].doc; });
    }
  }
  std::vector<std::int64_t> numbered;
  for (const auto& n : plan.numbers) {
    auto it = docs_by_number.find(text::document_number_key(n));
    if (it == docs_by_number.end()) continue;
    for (auto d : it->second) {
      numbered.push_back(d);
      if (std::find(mentioned.begin(), mentioned.end(), d) == mentioned.end()) mentioned.push_back(d);
    }
  }

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
      std::uint32_t f = folded.find(t.folded);
      if (f != kNone) {
        terms.push_back({TermKind::folded, f, w});
        double pw = w * idf(folded.postings[f].size());
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
          std::uint32_t e = exact.find(*form);
          if (e != kNone) terms.push_back({TermKind::exact, e, w * r.exact_weight});
        }
      }
      if (r.bigram_weight > 0 && t.joined && prev_f != kNone && f != kNone) {
        std::uint32_t b = bigrams.find(pair_key(prev_f, f));
        if (b != kNone) terms.push_back({TermKind::bigram, b, std::min(w, prev_w) * r.bigram_weight});
      }
      prev_f = f;
      prev_w = w;
    }
    merge_terms(terms);
  }

  Scratch& sc = scratch();
  if (sc.acc.size() < slots.size()) sc.acc.resize(slots.size(), 0.0f);
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
      p.folded_ids.push_back(folded.find(toks[i].folded));
      p.exact_ids.push_back(text::has_diacritics(toks[i].lower) ? exact.find(toks[i].lower) : kNone);
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
    const Slot& s = slots[slot];
    if (!passes(s)) continue;
    if (!mentioned.empty() && std::find(mentioned.begin(), mentioned.end(), s.doc) != mentioned.end()) score *= boost;
    cand.emplace_back(score, slot);
  }
  if (!phrases.empty()) {
    std::vector<std::pair<float, std::uint32_t>> kept;
    for (bool strict : {true, false}) {
      for (const auto& c : cand)
        if (phrase_pass(slots[c.second], strict)) kept.push_back(c);
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
  for (auto i : plan.defined_term) defined.push_back(folded.find(toks[i].folded));
  if (std::find(defined.begin(), defined.end(), kNone) != defined.end()) defined.clear();
  if ((r.proximity_weight > 0 && prox_ids.size() > 1) || (r.definition_boost > 0 && !defined.empty())) {
    if (sc.query_word.size() < folded.postings.size()) sc.query_word.resize(folded.postings.size(), -1);
    for (std::size_t k = 0; k < prox_ids.size(); ++k) sc.query_word[prox_ids[k]] = static_cast<std::int32_t>(k);
    for (std::size_t i = 0; i < head; ++i) {
      const Slot& s = slots[cand[i].second];
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
  if (marks.size() < (snippet_exact ? exact.postings.size() : folded.postings.size()))
    marks.resize(snippet_exact ? exact.postings.size() : folded.postings.size(), -1);
  for (const auto& [word, weight] : snippet_weights) {
    std::uint32_t id = snippet_exact ? exact.find(word) : folded.find(word);
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
  if (sc.used.size() < slots.size()) sc.used.resize(slots.size(), 0);
  std::vector<std::uint32_t> used;
  static const std::string no_clause;
  auto take = [&](std::uint32_t slot, double score, const char* match, const std::string* clause) {
    if (sc.used[slot] || !passes(slots[slot])) return;
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
        auto it = docs.find(d);
        if (it == docs.end()) continue;
        auto list = it->second.slots;
        std::sort(list.begin(), list.end(), [&](auto a, auto b) { return article_less(slots[a].p.article_number, slots[b].p.article_number); });
        double score = 100.0;
        for (auto s : list) take(s, score *= 0.999, "number", &no_clause);
      }
    } else {
      // A number and words: the passages of that document first, best first.
      std::vector<std::pair<float, std::uint32_t>> own;
      for (const auto& c : cand)
        if (std::find(numbered.begin(), numbered.end(), slots[c.second].doc) != numbered.end()) own.push_back(c);
      std::sort(own.begin(), own.end(), by_score);
      for (const auto& [score, slot] : own) take(slot, 100.0 * top + score, "number", &no_clause);
    }
  }
  for (const auto& [score, slot] : cand) take(slot, score, "text", &no_clause);
  for (auto slot : used) sc.used[slot] = 0;

  result.total = total;
  for (std::size_t i = q.offset; i < out.size(); ++i) {
    const Slot& s = slots[out[i].slot];
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

std::size_t Index::Impl::memory() const {
  std::size_t m = sizeof(Impl) + slots.capacity() * sizeof(Slot);
  for (const auto& s : slots) {
    auto str = [](const std::string& x) { return x.capacity() > 15 ? x.capacity() + 1 : 0; };
    m += str(s.p.document_title) + str(s.p.document_number) + str(s.p.document_type) + str(s.p.status) +
         str(s.p.article_number) + str(s.p.title) + str(s.p.text);
    m += (s.folded_seq.capacity() + s.exact_seq.capacity() + s.line_starts.capacity() + s.offsets.capacity()) *
         sizeof(std::uint32_t);
  }
  m += stats.capacity() * sizeof(SlotStat);
  m += slot_of_id.bucket_count() * sizeof(void*) + slot_of_id.size() * 32;
  m += exact.memory() + folded.memory() + bigrams.memory();
  for (const auto& s : exact_text) m += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
  for (const auto& s : folded_text) m += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
  m += exact_count.capacity() * sizeof(std::uint32_t);
  for (const auto& f : forms) m += sizeof(f) + f.capacity() * sizeof(std::uint32_t);
  m += exact_pairs.bucket_count() * sizeof(void*) + exact_pairs.size() * 32;
  for (const auto& [id, d] : docs) m += 128 + d.title.capacity() + d.slots.capacity() * sizeof(std::uint32_t);
  m += (docs_by_title.size() + docs_by_number.size()) * 96;
  return m;
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
  impl_->add(std::move(p), std::move(a));
}

void Index::remove(std::int64_t id) {
  std::unique_lock lock(impl_->mutex);
  auto it = impl_->slot_of_id.find(id);
  if (it == impl_->slot_of_id.end()) return;
  impl_->kill(it->second);
  impl_->maybe_compact();
}

void Index::remove_document(std::int64_t document_id) {
  std::unique_lock lock(impl_->mutex);
  auto it = impl_->docs.find(document_id);
  if (it == impl_->docs.end()) return;
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
  return impl_->live;
}

std::size_t Index::memory_bytes() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->memory();
}

std::optional<Passage> Index::passage(std::int64_t id) const {
  std::shared_lock lock(impl_->mutex);
  auto it = impl_->slot_of_id.find(id);
  if (it == impl_->slot_of_id.end()) return std::nullopt;
  return impl_->slots[it->second].p;
}

std::optional<std::string> Index::suggest(const std::string& text) const {
  QueryPlan plan = plan_query(text);
  if (plan.accented || !plan.has_letters) return std::nullopt;
  std::shared_lock lock(impl_->mutex);
  std::vector<std::string> restored;
  if (!impl_->restore(plan.source_tokens, restored)) return std::nullopt;
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
