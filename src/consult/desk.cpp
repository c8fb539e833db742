#include "consult/desk.h"

#include "consult/expert_repository.h"
#include "consult/question_repository.h"
#include "consult/question_rules.h"
#include "core/time.h"

namespace consult {

bool may_view(db::Connection& c, const auth::User& user, const Question& q) {
  if (is_moderator(user)) return true;
  if (q.asker_user_id && *q.asker_user_id == user.id) return true;
  if (user.role == auth::Role::expert && q.expert_id) {
    auto e = ExpertRepository(c).find_by_user(user.id);
    return e && e->id == *q.expert_id;
  }
  return false;
}

core::Result<Question> load_for_staff(db::Connection& c, const auth::User& user, std::int64_t id) {
  auto q = QuestionRepository(c).find(id);
  if (!q) return core::fail(core::ServiceError::not_found("Không tìm thấy câu hỏi."));
  if (!may_view(c, user, *q)) return core::fail(core::ServiceError::forbidden());
  return *q;
}

core::Result<QuestionView> Desk::view(const auth::User& user, std::int64_t id) {
  auto c = database_.acquire();
  auto q = load_for_staff(*c, user, id);
  if (!q) return core::fail(q.error());
  return QuestionRepository(*c).view(*q);
}

std::vector<Question> Desk::queue(const auth::User& user, std::optional<Status> status, std::size_t limit,
                                  std::size_t offset) {
  auto c = database_.acquire();
  QuestionFilter f;
  f.status = status;
  f.limit = limit;
  f.offset = offset;
  if (!is_moderator(user)) {
    auto e = ExpertRepository(*c).find_by_user(user.id);
    if (user.role != auth::Role::expert || !e) return {};
    f.expert_id = e->id;
  }
  return QuestionRepository(*c).list(f);
}

std::vector<Question> Desk::overdue(std::size_t limit) {
  auto c = database_.acquire();
  QuestionFilter f;
  f.overdue_only = true;
  f.now = core::now_unix();
  f.limit = limit;
  return QuestionRepository(*c).list(f);
}

}  // namespace consult
