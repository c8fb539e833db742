#include "consult/answering.h"

#include "library/citation_resolver.h"
#include "consult/desk.h"
#include "consult/expert_repository.h"
#include "consult/question_repository.h"
#include "consult/question_rules.h"
#include "core/time.h"
#include "core/utf8.h"

namespace consult {

Answering::Answering(db::Database& database, library::LibraryService& library, Notifications& notify)
    : database_(database), library_(library), notify_(notify) {}

core::Result<Question> Answering::save_answer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                              const AnswerInput& in) {
  auto c = database_.acquire();
  auto expert = ExpertRepository(*c).find_by_user(user.id);
  if (user.role != auth::Role::expert || !expert || !expert->verified())
    return core::fail(core::ServiceError::forbidden("Chỉ chuyên gia đã được xác minh mới trả lời câu hỏi."));
  std::string markdown = core::clean_text(in.markdown);
  auto n = core::utf8_length(markdown);
  if (n < 20 || n > kMaxAnswerChars)
    return core::fail(length_refusal("answer", "Câu trả lời", 20, kMaxAnswerChars));
  auto links = library_.link_table();
  db::Transaction tx(*c);
  auto citations = library::resolve_citations(in.citations, *links, *c);
  if (!citations) return core::fail(citations.error());
  if (citations->empty())
    return core::fail(core::ServiceError::invalid("Câu trả lời cần dẫn ít nhất một điều luật.",
                                                  {{"citations", "Cần ít nhất một trích dẫn điều luật."}}));
  auto q = load_for_staff(*c, user, id);
  if (!q) return q;
  if (!q->expert_id || *q->expert_id != expert->id || !is_open_for_expert(q->status))
    return core::fail(core::ServiceError::conflict("Câu hỏi này không chờ bạn trả lời."));
  QuestionRepository repo(*c);
  auto now = core::now_unix();
  bool follow_up = q->status == Status::follow_up;
  if (follow_up && expert->review_required) {
    // Held for a moderator like a first answer; the thread gets it when approved.
    q->pending_reply = markdown;
    q->status = Status::answered;
    repo.add_event(q->id, user.id, "reply", "chờ duyệt", now);
    notify_.answer_to_review(*c, *q);
  } else if (follow_up) {
    // A reply to a follow-up is added to the thread; the first answer stays as it was.
    repo.add_message(q->id, "expert", markdown, now);
    q->pending_reply.clear();
    q->status = status_after_reply(*q);
    repo.add_event(q->id, user.id, "reply", "", now);
    notify_.follow_up_answered(*c, *q);
  } else {
    first_answer(*c, user, *expert, *q, markdown, *citations, now);
  }
  q->updated_at = now;
  repo.update(*q);
  auth::record_audit(*c, actor, follow_up ? "question.reply" : "question.answer", "question:" + std::to_string(id));
  tx.commit();
  return *q;
}

void Answering::first_answer(db::Connection& c, const auth::User& user, const Expert& expert, Question& q,
                             const std::string& markdown, const std::vector<QuestionCitation>& citations, std::int64_t now) {
  QuestionRepository repo(c);
  q.answer = markdown;
  q.answered_at = now;
  repo.replace_citations(q.id, "answer", citations);
  if (expert.review_required) {
    q.status = Status::answered;
    repo.add_event(q.id, user.id, "answer", "chờ duyệt", now);
    notify_.answer_to_review(c, q);
  } else {
    q.status = Status::delivered;
    q.delivered_at = now;
    repo.add_event(q.id, user.id, "answer", "", now);
    notify_.answered(c, q);
  }
}

}  // namespace consult
