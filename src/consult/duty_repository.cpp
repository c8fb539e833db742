#include "consult/duty_repository.h"

namespace consult {

namespace {
std::vector<std::int64_t> ids(const std::vector<db::Row>& rows) {
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.int64(0));
  return out;
}
}  // namespace

std::vector<std::int64_t> DutyRepository::due_for_reminder(std::int64_t now, std::int64_t until) {
  return ids(c_.query(
      "SELECT id FROM questions WHERE status IN ('assigned', 'follow-up') AND due_at IS NOT NULL AND due_at > ? "
      "AND due_at <= ? AND reminded_at IS NULL",
      {now, until}));
}

bool DutyRepository::claim_reminder(std::int64_t id, std::int64_t now) {
  return c_.execute("UPDATE questions SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL", {now, id}) == 1;
}

std::vector<std::int64_t> DutyRepository::due_for_escalation(std::int64_t now) {
  return ids(c_.query(
      "SELECT id FROM questions WHERE status IN ('new', 'triaged', 'assigned', 'follow-up') AND due_at IS NOT NULL "
      "AND due_at <= ? AND escalated_at IS NULL",
      {now}));
}

bool DutyRepository::claim_escalation(std::int64_t id, std::int64_t now) {
  return c_.execute("UPDATE questions SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL", {now, id}) == 1;
}

std::vector<ExpiredQuestion> DutyRepository::expired(std::int64_t before) {
  std::vector<ExpiredQuestion> out;
  for (const auto& r : c_.query(
           "SELECT id, status FROM questions q WHERE updated_at < ? AND (status IN ('delivered', 'rejected', 'merged') OR "
           "(status = 'published' AND (email <> '' OR phone <> '' OR asker_user_id IS NOT NULL OR title <> public_title OR "
           "body <> public_body OR answer <> public_answer OR EXISTS (SELECT 1 FROM question_messages m WHERE m.question_id = q.id) OR "
           "EXISTS (SELECT 1 FROM question_attachments a WHERE a.question_id = q.id))))",
           {before}))
    out.push_back({r.int64(0), r.text(1) == "published"});
  return out;
}

void DutyRepository::anonymise(std::int64_t id) {
  c_.execute("UPDATE questions SET title = public_title, body = public_body, answer = public_answer, email = '', phone = '', "
             "asker_user_id = NULL WHERE id = ?",
             {id});
  c_.execute("DELETE FROM question_attachments WHERE question_id = ?", {id});
  c_.execute("DELETE FROM question_messages WHERE question_id = ?", {id});
}

}  // namespace consult
