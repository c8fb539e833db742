#pragma once
// The public archive of published questions (/hoi-dap, GET /api/v1/qa): the anonymised copy a
// moderator published, its answer and its citations, never the asker's text, contact, thread,
// files or timeline. Searching the archive is QaIndex's (consult/qa_index.h); this lists and opens,
// and gives the library the answered questions its vocabulary suggestions are mined from.
// Thread-safe: every call takes its own connection.
#include "consult/model.h"
#include "db/database.h"
#include "library/vocabulary_suggestions.h"

namespace consult {

class PublicArchive : public library::AnsweredQuestions {
 public:
  explicit PublicArchive(db::Database& database) : database_(database) {}

  // Latest published first, optionally of one field.
  std::vector<Question> published(std::optional<std::string> field_slug, std::size_t limit, std::size_t offset);
  std::int64_t count_published(std::optional<std::string> field_slug);
  // The published question at /hoi-dap/{slug}, as the public may see it.
  std::optional<QuestionView> published_question(const std::string& slug);
  // library::AnsweredQuestions: the latest published questions with the articles their answers cite.
  std::vector<library::AnsweredQuestion> answered(std::size_t limit) const override;

 private:
  db::Database& database_;
};

}  // namespace consult
