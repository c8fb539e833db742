#pragma once
// Internal to search/: the index's storage, and the only code that changes it.
//
// A passage lives in a Slot: the passage itself, its forward sequences of term ids (for phrases,
// proximity, definitions and snippets) and its words' byte offsets. Each term (an exact word, a
// folded word, a folded syllable bigram) has a posting list of (slot, frequency per field), in
// slot order. The word and word-pair counts beside them feed accent restoration.
//
// - add() appends a new slot; the caller kills the passage's previous slot first.
// - kill() marks a slot dead at once (scoring skips it) and frees its sequences and text; its
//   postings stay until compact(), which drops dead slots and renumbers the live ones in order.
// Not synchronised: Index holds its lock around every call (exclusive for the writing ones).
#include "search/index.h"
#include "text/vietnamese.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace search {

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

inline std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return (static_cast<std::uint64_t>(a) << 32) | b; }

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

// A live slot whose passage passes the query's filters (document type, status).
inline bool passes_filters(const Slot& s, const Query& q) {
  if (!s.live) return false;
  if (q.type && s.p.document_type != *q.type) return false;
  if (q.status && s.p.status != *q.status) return false;
  return true;
}

// What scoring reads for every posting, kept apart from the big Slot so the loop stays in cache.
struct SlotStat {
  std::uint32_t len_title = 0, len_body = 0;
  bool live = false;
};

// A passage's tokens per field; the document field is its title and, when different, its number.
struct Analysed {
  std::vector<text::Token> title, body, doc;
};
Analysed analyse(const Passage& p);  // needs no lock: the expensive part of an upsert

struct Postings {
  std::vector<Slot> slots;
  std::vector<SlotStat> stats;  // parallel to slots
  std::unordered_map<std::int64_t, std::uint32_t> slot_of_id;  // live slots only
  std::size_t live = 0, dead = 0;
  double sum_title = 0, sum_body = 0, sum_doc = 0;  // field lengths of the live slots, in words

  TermTable<std::string> exact, folded;
  TermTable<std::uint64_t> bigrams;  // folded syllable pairs
  std::vector<std::string> exact_text;                  // exact id → word
  std::vector<std::string> folded_text;                 // folded id → word
  std::vector<std::uint32_t> exact_count;               // exact id → occurrences
  std::vector<std::vector<std::uint32_t>> forms;        // folded id → exact ids
  std::unordered_map<std::uint64_t, std::uint32_t> exact_pairs;  // exact bigram → occurrences
  std::uint64_t total_tokens = 0;

  // Appends `p` (no live slot may hold its id) and returns its slot.
  std::uint32_t add(Passage&& p, const Analysed& a);
  // Marks a live slot dead; false when it already was.
  bool kill(std::uint32_t slot);
  // Enough dead slots that compact() pays: at least 256 and a fifth of all.
  bool compaction_due() const { return dead >= 256 && dead * 4 >= live; }
  // Drops the dead slots and their postings; returns old slot → new slot (kNone: dropped).
  std::vector<std::uint32_t> compact();
  std::size_t memory() const;  // approximate heap size

 private:
  std::uint32_t intern_exact(const std::string& lower, const std::string& folded_form);
};

}  // namespace search
