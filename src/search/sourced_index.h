#pragma once
// A search index and what its owner keeps beside each passage (where it came from, how to link
// to it), changed together: a rebuild swaps the side values and drops the passages they no longer
// list under one lock, so a lookup never sees one without the other. The index is thread-safe by
// itself; the side values are guarded here.
#include "search/index.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <utility>

namespace search {

template <typename Source>
class SourcedIndex {
 public:
  using Sources = std::map<std::int64_t, Source>;  // by passage id

  Index& index() { return index_; }
  const Index& index() const { return index_; }

  // The end of a rebuild that has upserted every current passage: `sources` replaces the side
  // values, and the passages the old ones listed but `sources` does not are removed.
  void replace_sources(Sources sources) {
    std::unique_lock lock(mutex_);
    for (const auto& [id, source] : sources_)
      if (!sources.count(id)) index_.remove(id);
    sources_ = std::move(sources);
  }

  // Runs `change(index, sources)` with the side values locked for writing.
  template <typename Change>
  void update(Change&& change) {
    std::unique_lock lock(mutex_);
    change(index_, sources_);
  }

  // Runs `look(sources)` with the side values locked for reading, and returns what it returns.
  template <typename Look>
  auto read(Look&& look) const {
    std::shared_lock lock(mutex_);
    return look(std::as_const(sources_));
  }

  std::optional<Source> source(std::int64_t id) const {
    std::shared_lock lock(mutex_);
    auto it = sources_.find(id);
    if (it == sources_.end()) return std::nullopt;
    return it->second;
  }

 private:
  Index index_;
  mutable std::shared_mutex mutex_;
  Sources sources_;
};

}  // namespace search
