#include "search/postings.h"

#include <algorithm>

namespace search {

namespace {

enum Field : std::uint8_t { kTitle = 0, kBody = 1, kDoc = 2 };

// (term, field) occurrences of one passage, counted into postings after sorting.
struct Occurrences {
  std::vector<std::pair<std::uint32_t, Field>> exact, folded;
  std::vector<std::pair<std::uint64_t, Field>> bigrams;
};

std::uint32_t intern_exact(Postings& ix, const std::string& lower, const std::string& folded_form) {
  auto [it, inserted] = ix.exact.ids.try_emplace(lower, static_cast<std::uint32_t>(ix.exact.postings.size()));
  if (inserted) {
    ix.exact.postings.emplace_back();
    ix.exact_text.push_back(lower);
    ix.exact_count.push_back(0);
    std::uint32_t f = ix.folded.intern(folded_form);
    if (ix.folded_text.size() <= f) ix.folded_text.resize(f + 1);
    ix.folded_text[f] = folded_form;
    if (ix.forms.size() <= f) ix.forms.resize(f + 1);
    ix.forms[f].push_back(it->second);
  }
  return it->second;
}

// Interns the tokens of one field and records their occurrences. With `forward` (title and body,
// not the document field) the words also go into the slot's sequences and the word counts.
void add_tokens(Postings& ix, const std::vector<text::Token>& toks, Field f, Slot* forward, Occurrences& occ) {
  std::uint32_t prev_f = kNone, prev_e = kNone;
  for (const auto& t : toks) {
    std::uint32_t e = intern_exact(ix, t.lower, t.folded);
    std::uint32_t fid = ix.folded.find(t.folded);
    occ.exact.emplace_back(e, f);
    occ.folded.emplace_back(fid, f);
    if (t.joined && prev_f != kNone) {
      occ.bigrams.emplace_back(pair_key(prev_f, fid), f);
      if (forward) ++ix.exact_pairs[pair_key(prev_e, e)];
    }
    if (forward) {
      forward->folded_seq.push_back(fid);
      forward->exact_seq.push_back(e);
      forward->offsets.push_back(t.begin < (1u << 24) ? (t.begin << 8) | std::min<std::uint32_t>(t.end - t.begin, 255) : kNone);
      ++ix.exact_count[e];
      ++ix.total_tokens;
    }
    prev_f = fid;
    prev_e = e;
  }
}

// Positions (from `first`, where the body starts in the sequences) of the body words that begin a line.
std::vector<std::uint32_t> line_starts(const std::string& text, const std::vector<text::Token>& body, std::size_t first) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < body.size(); ++i)
    if (i == 0 || text.find('\n', body[i - 1].end) < body[i].begin) out.push_back(static_cast<std::uint32_t>(first + i));
  out.shrink_to_fit();
  return out;
}

// One posting per distinct term of `occurrences` (sorted here), appended to the term's list.
template <typename Term, typename Table, typename Intern>
void emit(std::vector<std::pair<Term, Field>>& occurrences, std::uint32_t slot, Table& table, Intern intern) {
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
}

// Takes a dead slot's words out of the counts that accent restoration reads.
void uncount_words(Postings& ix, const Slot& s) {
  for (std::size_t i = 0; i < s.exact_seq.size(); ++i) {
    if (s.exact_seq[i] == kGap) continue;
    --ix.exact_count[s.exact_seq[i]];
    --ix.total_tokens;
  }
  // Pairs were counted where the tokens were joined; recount them the same way is not possible
  // from the sequence alone, so drop the pairs of adjacent tokens (an overestimate is harmless).
  for (std::size_t i = 1; i < s.exact_seq.size(); ++i) {
    if (s.exact_seq[i] == kGap || s.exact_seq[i - 1] == kGap) continue;
    auto it = ix.exact_pairs.find(pair_key(s.exact_seq[i - 1], s.exact_seq[i]));
    if (it != ix.exact_pairs.end() && --it->second == 0) ix.exact_pairs.erase(it);
  }
}

// Renumbers the postings of every list after a compaction, dropping those of dead slots.
void remap_postings(std::vector<std::vector<Posting>>& lists, const std::vector<std::uint32_t>& remap) {
  for (auto& list : lists) {
    std::size_t w = 0;
    for (const auto& post : list)
      if (remap[post.slot] != kNone) list[w++] = {remap[post.slot], post.body, post.title, post.doc};
    list.resize(w);
    list.shrink_to_fit();
  }
}

std::size_t string_heap(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

}  // namespace

Analysed analyse(const Passage& p) {
  Analysed a;
  a.title = text::tokenize(p.title);
  a.body = text::tokenize(p.text);
  std::string doc = p.document_title;
  if (!p.document_number.empty() && text::title_key(p.document_number) != text::title_key(p.document_title))
    doc += "\n" + p.document_number;
  if (!p.context.empty()) doc += "\n" + p.context;
  a.doc = text::tokenize(doc);
  return a;
}

std::uint32_t Postings::add(Passage&& p, const Analysed& a) {
  const auto slot = static_cast<std::uint32_t>(slots.size());
  Slot s;
  s.doc = p.document_id;
  s.len_title = static_cast<std::uint32_t>(a.title.size());
  s.len_body = static_cast<std::uint32_t>(a.body.size());
  s.len_doc = static_cast<std::uint32_t>(a.doc.size());

  Occurrences occ;
  add_tokens(*this, a.title, kTitle, &s, occ);
  s.folded_seq.push_back(kGap);
  s.exact_seq.push_back(kGap);
  s.offsets.push_back(0);
  s.line_starts = line_starts(p.text, a.body, s.folded_seq.size());
  add_tokens(*this, a.body, kBody, &s, occ);
  add_tokens(*this, a.doc, kDoc, nullptr, occ);
  s.folded_seq.shrink_to_fit();
  s.exact_seq.shrink_to_fit();
  if (std::find(s.offsets.begin(), s.offsets.end(), kNone) != s.offsets.end()) s.offsets = {};
  s.offsets.shrink_to_fit();

  auto same = [](std::uint32_t t) { return t; };
  emit(occ.exact, slot, exact, same);
  emit(occ.folded, slot, folded, same);
  emit(occ.bigrams, slot, bigrams, [this](std::uint64_t k) { return bigrams.intern(k); });

  slot_of_id[p.id] = slot;
  sum_title += s.len_title;
  sum_body += s.len_body;
  sum_doc += s.len_doc;
  ++live;
  s.p = std::move(p);
  stats.push_back({s.len_title, s.len_body, true});
  slots.push_back(std::move(s));
  return slot;
}

bool Postings::kill(std::uint32_t slot) {
  Slot& s = slots[slot];
  if (!s.live) return false;
  s.live = false;
  stats[slot].live = false;
  --live;
  ++dead;
  sum_title -= s.len_title;
  sum_body -= s.len_body;
  sum_doc -= s.len_doc;
  uncount_words(*this, s);
  slot_of_id.erase(s.p.id);
  s.folded_seq = {};
  s.exact_seq = {};
  s.line_starts = {};
  s.offsets = {};
  s.p.text = {};
  s.p.title = {};
  return true;
}

std::vector<std::uint32_t> Postings::compact() {
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
  remap_postings(exact.postings, remap);
  remap_postings(folded.postings, remap);
  remap_postings(bigrams.postings, remap);
  for (auto& [id, s] : slot_of_id) s = remap[s];
  dead = 0;
  return remap;
}

std::size_t Postings::memory() const {
  std::size_t m = slots.capacity() * sizeof(Slot);
  for (const auto& s : slots) {
    m += string_heap(s.p.document_title) + string_heap(s.p.document_number) + string_heap(s.p.document_type) +
         string_heap(s.p.status) + string_heap(s.p.article_number) + string_heap(s.p.title) + string_heap(s.p.text);
    m += (s.folded_seq.capacity() + s.exact_seq.capacity() + s.line_starts.capacity() + s.offsets.capacity()) *
         sizeof(std::uint32_t);
  }
  m += stats.capacity() * sizeof(SlotStat);
  m += slot_of_id.bucket_count() * sizeof(void*) + slot_of_id.size() * 32;
  m += exact.memory() + folded.memory() + bigrams.memory();
  for (const auto& s : exact_text) m += sizeof(std::string) + string_heap(s);
  for (const auto& s : folded_text) m += sizeof(std::string) + string_heap(s);
  m += exact_count.capacity() * sizeof(std::uint32_t);
  for (const auto& f : forms) m += sizeof(f) + f.capacity() * sizeof(std::uint32_t);
  m += exact_pairs.bucket_count() * sizeof(void*) + exact_pairs.size() * 32;
  return m;
}

}  // namespace search
