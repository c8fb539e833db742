#pragma once
// Suggestions for the citizen vocabulary, mined from the questions that were answered with
// citations (library/vocabulary_miner.h), for editors to take into the thesaurus or dismiss at
// /quan-tri/tu-dien/goi-y. The questions come from the modules that hold them (the consultation
// archive's published answers, the automated answers their askers found helpful) through
// `AnsweredQuestions`, handed over by app, so that the library depends on neither.
#include "auth/audit_log.h"
#include "core/error.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "library/vocabulary_miner.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace library {

// Questions answered with the articles that answer them, newest first.
class AnsweredQuestions {
 public:
  virtual ~AnsweredQuestions() = default;
  // At most `limit`; each article as "<document id>:<article number>" (vocabulary_article_key).
  virtual std::vector<AnsweredQuestion> answered(std::size_t limit) const = 0;
};

std::string vocabulary_article_key(std::int64_t document_id, const std::string& article);

struct SuggestionReport {
  std::vector<VocabularySuggestion> suggestions;
  std::size_t questions = 0;  // answered questions read
  double seconds = 0;         // the mining's duration
};

class VocabularySuggestions {
 public:
  // How many answered questions each source gives at most: the newest.
  static constexpr std::size_t kQuestionsPerSource = 20000;
  static constexpr std::chrono::minutes kMaxAge{10};

  VocabularySuggestions(db::Database& database, db::ChangeFeed& changes);
  void add_source(const AnsweredQuestions* source) { sources_.push_back(source); }

  // The last result, mined again when the vocabulary changed (an entry taken or removed, a
  // suggestion dismissed: the change feed's "thesaurus", or a restore), or once it is kMaxAge old:
  // new answers (an asker's "helpful" is not told on the change feed at all) wait that long, so
  // that the back office does not mine again for every post or question published.
  SuggestionReport suggestions();
  // 422 for a phrase of no words or over 60 characters, 409 when it was dismissed already.
  core::Result<void> dismiss(const auth::Actor& actor, const std::string& phrase, std::int64_t now);

 private:
  SuggestionReport mine();

  db::Database& database_;
  db::ChangeFeed& changes_;
  std::vector<const AnsweredQuestions*> sources_;
  std::atomic<std::uint64_t> generation_{1};  // bumped by every change of the vocabulary
  std::mutex mutex_;                          // one mining at a time; guards the cache
  std::uint64_t cached_generation_ = 0;
  std::chrono::steady_clock::time_point cached_at_;
  SuggestionReport cached_;
};

}  // namespace library
