#pragma once
// Writing and reviewing bank questions in the back office, by the rule posts follow: a writer
// saves a draft and submits it (pending); a reviewer publishes it or returns it with a note.
// Only published questions are drawn into contests. A question already drawn into an attempt
// is part of a score: it can be returned (no longer drawn) but not edited. Editing a published
// question that was never drawn sends it back to review. Every change is audited.
#include "auth/audit_log.h"
#include "auth/user.h"
#include "core/error.h"
#include "db/database.h"
#include "learning/bank_repository.h"
#include "learning/model.h"
#include "library/library_service.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learning {

// What the form sends. `citations`: one article a line, as people write them ("Điều 20 Luật Cư
// trú", "khoản 2 Điều 5 Nghị định 100/2019/NĐ-CP"); each must be in the library.
struct QuestionInput {
  QuestionKind kind = QuestionKind::single;
  std::string text;
  std::vector<Choice> choices;  // labels A, B, … (true/false: Đúng, Sai)
  std::string explanation;
  std::string citations;
  std::string field_slug;
  std::string law;
  int difficulty = 2;
  std::string tags;  // comma-separated
  std::optional<std::int64_t> loaded_at;  // the updated_at the form was loaded with
};

// A question for its edit page: what the rules allow now.
struct EditableQuestion {
  BankQuestion question;
  bool used = false;  // drawn into a contest attempt
  std::string citations;  // the articles as lines, to refill the form
};

class BankEditor {
 public:
  BankEditor(db::Database& database, library::LibraryService& library) : database_(database), library_(library) {}

  // A new draft, or a pending question when `submit`; returns its id. 400 with the fields.
  core::Result<std::int64_t> create(const auth::User& user, const auth::Actor& actor, const QuestionInput& in, bool submit,
                                    std::int64_t now);
  // 409 when the question was drawn into an attempt, or changed since the form was loaded.
  core::Result<void> update(const auth::User& user, const auth::Actor& actor, std::int64_t id, const QuestionInput& in,
                            bool submit, std::int64_t now);
  core::Result<void> submit(const auth::User& user, const auth::Actor& actor, std::int64_t id, std::int64_t now);
  core::Result<void> publish(const auth::User& user, const auth::Actor& actor, std::int64_t id, std::int64_t now);
  core::Result<void> return_to_writer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                      const std::string& note, std::int64_t now);

  core::Result<EditableQuestion> editable(const auth::User& user, std::int64_t id);
  std::vector<std::pair<std::string, std::string>> fields();
  std::vector<BankListItem> list(const BankQuery& q);
  std::int64_t count(const BankQuery& q);

 private:
  core::Result<void> transition(const auth::User& user, const auth::Actor& actor, std::int64_t id, BankStatus to,
                                const std::string& note, std::int64_t now);
  db::Database& database_;
  library::LibraryService& library_;
};

}  // namespace learning
