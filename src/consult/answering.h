#pragma once
// Experts answer: the assigned, verified expert writes the answer (Markdown, 20 to 30,000
// characters) with at least one citation, each resolved against the library (library/citation_resolver.h)
// so that no citation dangles. An expert whose answers need review stops at `answered` for a
// moderator (Moderation::approve), for the first answer and for replies to follow-ups alike;
// otherwise the answer is delivered to the asker at once. A reply to a follow-up joins the thread
// and leaves the first answer as it was; a published question stays published. One transaction with the
// timeline event, the audit entry and the e-mails. Thread-safe: every call takes its own connection.
#include "auth/audit_log.h"
#include "auth/user.h"
#include "consult/model.h"
#include "consult/notifications.h"
#include "core/error.h"
#include "db/database.h"
#include "library/library_service.h"

namespace consult {

struct AnswerInput {
  std::string markdown;
  std::string citations;  // one citation per line
};

class Answering {
 public:
  Answering(db::Database& database, library::LibraryService& library, Notifications& notify);

  core::Result<Question> save_answer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                     const AnswerInput& in);

 private:
  // The first answer of question `q` (not a follow-up): delivered, or waiting for review.
  void first_answer(db::Connection& c, const auth::User& user, const Expert& expert, Question& q,
                    const std::string& markdown, const std::vector<QuestionCitation>& citations, std::int64_t now);

  db::Database& database_;
  library::LibraryService& library_;
  Notifications& notify_;
};

}  // namespace consult
