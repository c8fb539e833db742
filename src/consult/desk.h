#pragma once
// The consultation desk: what moderators and experts see. Moderators (and admins) see every
// question; an expert sees the questions assigned to them; the citizen who asked while logged in
// may open their own. Which steps each may take on a question, Moderation and Answering decide,
// after load_for_staff. Thread-safe: every call takes its own connection.
#include "auth/user.h"
#include "consult/model.h"
#include "core/error.h"
#include "db/database.h"

namespace consult {

// Whether `user` may see question `q`.
bool may_view(db::Connection& c, const auth::User& user, const Question& q);
// Question `id` when `user` may see it; not_found or forbidden otherwise. Steps call it inside
// their transaction.
core::Result<Question> load_for_staff(db::Connection& c, const auth::User& user, std::int64_t id);

class Desk {
 public:
  explicit Desk(db::Database& database) : database_(database) {}

  // One question with everything staff see of it (forbidden for others).
  core::Result<QuestionView> view(const auth::User& user, std::int64_t id);
  // Moderators: every question (of `status`); experts: those assigned to them; anyone else: none.
  std::vector<Question> queue(const auth::User& user, std::optional<Status> status, std::size_t limit, std::size_t offset);
  // Open questions past their deadline.
  std::vector<Question> overdue(std::size_t limit);

 private:
  db::Database& database_;
};

}  // namespace consult
