#pragma once
// The public Q&A archive's search: published questions (anonymised text and answer) in an
// in-process index, built from the database and kept current from the change feed
// ("consult:<id>" refreshes one question; "consult:*", "*" and "restore" rebuild). It serves the
// archive's search, "câu hỏi tương tự", the suggestions shown before asking, and the answering
// service's related questions and evidence.
#include "answer/answer_service.h"
#include "consult/model.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "search/sourced_index.h"

#include <mutex>

namespace consult {

struct QaHit {
  std::int64_t id = 0;
  std::string title;
  std::string slug;
  std::string field_name;
  std::string snippet;  // HTML-escaped with <mark>
  double score = 0;
};

// What the archive knows about one published question beyond the index.
struct QaEntry {
  std::string title;
  std::string question;  // the published (anonymised) question
  std::string slug;
  std::string field_slug;
  std::string field_name;
  // The articles its answer cites: (document id, article number).
  std::vector<std::pair<std::int64_t, std::string>> citations;
};

class QaIndex : public answer::Archive {
 public:
  QaIndex(db::Database& database, db::ChangeFeed& changes);
  void rebuild();
  void refresh(std::int64_t question_id);
  // Published questions matching `text`, best first; `field` filters; `exclude` drops one id.
  std::vector<QaHit> search(const std::string& text, std::size_t limit, std::optional<std::string> field = std::nullopt,
                            std::optional<std::int64_t> exclude = std::nullopt, std::size_t* total = nullptr) const;
  std::optional<QaEntry> entry(std::int64_t id) const;
  // answer::Archive: published questions like `question` with the articles their answers cite.
  std::vector<answer::RelatedQuestion> similar(const std::string& question, std::size_t limit) const override;
  std::size_t size() const { return index_.index().size(); }

 private:
  db::Database& database_;
  search::SourcedIndex<QaEntry> index_;
  std::mutex refresh_mutex_;  // change-feed refreshes, in the order they read the database
};

}  // namespace consult
