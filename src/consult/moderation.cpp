#include "consult/moderation.h"

#include "consult/desk.h"
#include "consult/expert_repository.h"
#include "consult/question_repository.h"
#include "consult/question_rules.h"
#include "core/time.h"
#include "core/utf8.h"
#include "text/personal_data.h"
#include "text/vietnamese.h"

#include <fmt/format.h>

namespace consult {

namespace {

std::string unique_public_slug(QuestionRepository& repo, const std::string& title, std::int64_t id) {
  std::string base = core::slugify(title, 70);
  if (base.empty()) base = "cau-hoi";
  std::string slug = base;
  if (repo.public_slug_taken(slug, id)) slug = base + "-" + std::to_string(id);
  return slug;
}

// Field messages for the texts to publish; nothing the detector recognises as personal data may be
// published: the moderator edits it out.
std::map<std::string, std::string> publication_errors(const PublishInput& in) {
  std::map<std::string, std::string> errors;
  if (core::utf8_length(in.title) < 10 || core::utf8_length(in.title) > kMaxTitleChars)
    errors["title"] = length_error("Tiêu đề", 10, kMaxTitleChars);
  if (core::utf8_length(in.body) < 20 || core::utf8_length(in.body) > kMaxBodyChars)
    errors["body"] = length_error("Nội dung", 20, kMaxBodyChars);
  if (core::utf8_length(in.answer) < 20 || core::utf8_length(in.answer) > kMaxAnswerChars)
    errors["answer"] = length_error("Câu trả lời", 20, kMaxAnswerChars);
  for (const auto& [name, value] : {std::pair{"title", &in.title}, std::pair{"body", &in.body}, std::pair{"answer", &in.answer}}) {
    auto found = text::find_personal_data(text::normalize(*value));
    if (!found.empty() && !errors.count(name))
      errors[name] = fmt::format("Còn {} thông tin cá nhân (được tô màu): hãy xóa hoặc thay bằng mô tả chung.", found.size());
  }
  return errors;
}

bool waiting_for_review(const Question& q) { return q.status == Status::answered; }

}  // namespace

Moderation::Moderation(db::Database& database, db::ChangeFeed& changes, Notifications& notify)
    : database_(database), changes_(changes), notify_(notify) {}

std::optional<std::int64_t> Moderation::auto_assign(db::Connection& c, Question& q, std::int64_t now) {
  if (!q.field_slug) return std::nullopt;
  auto candidates = ExpertRepository(c).candidates(*q.field_slug);
  if (candidates.empty()) return std::nullopt;
  const auto& e = candidates.front();
  q.expert_id = e.id;
  q.expert_name = e.full_name;
  q.status = Status::assigned;
  q.assigned_at = now;
  QuestionRepository(c).add_event(q.id, std::nullopt, "assign", e.full_name + " (tự động theo lĩnh vực và số câu đang xử lý)",
                                  now);
  return e.id;
}

template <typename Step>
core::Result<Question> Moderation::in_transaction(const auth::User& user, std::int64_t id, Step step) {
  if (!is_moderator(user)) return core::fail(core::ServiceError::forbidden());
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto q = load_for_staff(*c, user, id);
  if (!q) return q;
  if (auto done = step(*c, *q); !done) return core::fail(done.error());
  tx.commit();
  return q;
}

core::Result<Question> Moderation::triage(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                          const std::string& field_slug, const std::string& note) {
  return in_transaction(user, id, [&](db::Connection& c, Question& q) -> core::Result<void> {
    if (q.status != Status::fresh && q.status != Status::triaged)
      return core::fail(core::ServiceError::conflict("Câu hỏi này đã được phân loại."));
    QuestionRepository repo(c);
    auto field = repo.field(field_slug);
    if (!field)
      return core::fail(core::ServiceError::invalid("Hãy chọn lĩnh vực của câu hỏi.", {{"field", "Lĩnh vực không hợp lệ."}}));
    auto now = core::now_unix();
    q.field_slug = field->slug;
    q.field_name = field->name;
    q.status = Status::triaged;
    q.status_reason = core::clean_text(note);
    q.due_at = now + field->answer_days * kDay;
    q.updated_at = now;
    repo.add_event(q.id, user.id, "triage", field->name, now);
    if (auto_assign(c, q, now)) notify_.assigned_automatically(c, q);
    repo.update(q);
    auth::record_audit(c, actor, "question.triage", "question:" + std::to_string(id), field->slug);
    return {};
  });
}

core::Result<Question> Moderation::reject(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                          const std::string& raw_reason) {
  if (!is_moderator(user)) return core::fail(core::ServiceError::forbidden());
  std::string reason = core::clean_text(raw_reason);
  if (core::utf8_length(reason) < 5)
    return core::fail(core::ServiceError::invalid("Cần ghi lý do không tiếp nhận để gửi cho người hỏi.",
                                                  {{"reason", "Cần ghi lý do (ít nhất 5 ký tự)."}}));
  return in_transaction(user, id, [&](db::Connection& c, Question& q) -> core::Result<void> {
    if (q.status == Status::published || q.status == Status::rejected || q.status == Status::merged)
      return core::fail(core::ServiceError::conflict("Câu hỏi này không thể từ chối ở trạng thái hiện tại."));
    auto now = core::now_unix();
    q.status = Status::rejected;
    q.status_reason = reason;
    q.updated_at = now;
    QuestionRepository repo(c);
    repo.update(q);
    repo.add_event(q.id, user.id, "reject", reason, now);
    auth::record_audit(c, actor, "question.reject", "question:" + std::to_string(id));
    notify_.rejected(c, q, reason);
    return {};
  });
}

core::Result<Question> Moderation::merge(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                         const std::string& into_code) {
  return in_transaction(user, id, [&](db::Connection& c, Question& q) -> core::Result<void> {
    QuestionRepository repo(c);
    auto target = repo.find_by_code(core::clean_text(into_code));
    if (!target || target->id == q.id || target->status == Status::merged || target->status == Status::rejected)
      return core::fail(core::ServiceError::invalid("Mã câu hỏi trùng không hợp lệ.", {{"into", "Không tìm thấy câu hỏi để gộp vào."}}));
    if (q.status != Status::fresh && q.status != Status::triaged)
      return core::fail(core::ServiceError::conflict("Chỉ gộp được câu hỏi chưa phân công."));
    auto now = core::now_unix();
    q.status = Status::merged;
    q.merged_into = target->id;
    q.status_reason = "Trùng với câu hỏi " + target->code;
    q.updated_at = now;
    repo.update(q);
    repo.add_event(q.id, user.id, "merge", target->code, now);
    auth::record_audit(c, actor, "question.merge", "question:" + std::to_string(id), target->code);
    notify_.merged(c, q, *target);
    return {};
  });
}

core::Result<Question> Moderation::assign(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                          std::int64_t expert_id) {
  return in_transaction(user, id, [&](db::Connection& c, Question& q) -> core::Result<void> {
    if (q.status != Status::triaged && q.status != Status::assigned && q.status != Status::follow_up)
      return core::fail(core::ServiceError::conflict("Hãy phân loại câu hỏi trước khi phân công."));
    auto e = ExpertRepository(c).find(expert_id);
    if (!e || !e->verified())
      return core::fail(core::ServiceError::invalid("Chỉ phân công được cho chuyên gia đã được xác minh.",
                                                    {{"expert", "Chuyên gia không hợp lệ."}}));
    auto now = core::now_unix();
    q.expert_id = e->id;
    q.expert_name = e->full_name;
    if (q.status == Status::triaged) q.status = Status::assigned;
    q.assigned_at = now;
    q.updated_at = now;
    QuestionRepository repo(c);
    repo.update(q);
    repo.add_event(q.id, user.id, "assign", e->full_name, now);
    auth::record_audit(c, actor, "question.assign", "question:" + std::to_string(id), std::to_string(e->id));
    notify_.assigned(c, q);
    return {};
  });
}

PublishInput Moderation::publish_draft(const Question& q) {
  if (!q.public_title.empty()) return {q.public_title, q.public_body, q.public_answer.empty() ? text::mask_personal_data(q.answer) : q.public_answer};
  return {text::mask_personal_data(q.title), text::mask_personal_data(q.body), text::mask_personal_data(q.answer)};
}

core::Result<Question> Moderation::publish(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                           const PublishInput& raw) {
  if (!is_moderator(user)) return core::fail(core::ServiceError::forbidden());
  PublishInput in{core::clean_text(raw.title), core::clean_text(raw.body), core::clean_text(raw.answer)};
  auto errors = publication_errors(in);
  if (!errors.empty()) return core::fail(core::ServiceError::invalid("Chưa thể công bố: kiểm tra các ô được đánh dấu.", errors));
  auto done = in_transaction(user, id, [&](db::Connection& c, Question& q) -> core::Result<void> {
    if (!q.publish_consent) return core::fail(core::ServiceError::conflict("Người hỏi không đồng ý công bố câu hỏi này."));
    if (!q.delivered_at || q.status == Status::rejected || q.status == Status::merged)
      return core::fail(core::ServiceError::conflict("Chỉ công bố được câu hỏi đã được trả lời."));
    auto now = core::now_unix();
    QuestionRepository repo(c);
    q.public_title = in.title;
    q.public_body = in.body;
    q.public_answer = in.answer;
    q.public_slug = unique_public_slug(repo, in.title, q.id);
    if (q.status == Status::delivered) q.status = Status::published;
    if (!q.published_at) q.published_at = now;
    q.updated_at = now;
    repo.update(q);
    repo.add_event(q.id, user.id, "publish", *q.public_slug, now);
    auth::record_audit(c, actor, "question.publish", "question:" + std::to_string(id));
    changes_.record(c, "consult:" + std::to_string(q.id));
    return {};
  });
  if (done) changes_.notify("consult:" + std::to_string(done->id));
  return done;
}

template <typename Allowed, typename Change>
core::Result<Question> Moderation::moderate(const auth::User& user, const auth::Actor& actor, std::int64_t id, Allowed allowed,
                                            const char* refusal, const std::string& action, Change change) {
  auto done = in_transaction(user, id, [&](db::Connection& c, Question& q) -> core::Result<void> {
    if (!allowed(q)) return core::fail(core::ServiceError::conflict(refusal));
    auto now = core::now_unix();
    std::string detail = change(c, q, now);
    q.updated_at = now;
    QuestionRepository repo(c);
    repo.update(q);
    repo.add_event(q.id, user.id, action, detail, now);
    auth::record_audit(c, actor, "question." + action, "question:" + std::to_string(id));
    return {};
  });
  if (done) changes_.notify("consult:" + std::to_string(done->id));
  return done;
}

// Approving a first answer delivers it; approving a reply to a follow-up adds it to the thread.
core::Result<Question> Moderation::approve(const auth::User& user, const auth::Actor& actor, std::int64_t id) {
  return moderate(user, actor, id, waiting_for_review, "Câu hỏi không chờ duyệt.", "approve",
                  [&](db::Connection& c, Question& q, std::int64_t now) {
                    if (q.pending_reply.empty()) {
                      q.status = Status::delivered;
                      q.delivered_at = now;
                      notify_.answered(c, q);
                      return std::string();
                    }
                    QuestionRepository(c).add_message(q.id, "expert", q.pending_reply, now);
                    q.pending_reply.clear();
                    q.status = status_after_reply(q);
                    notify_.follow_up_answered(c, q);
                    return std::string("trả lời câu hỏi tiếp");
                  });
}

core::Result<Question> Moderation::return_answer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                                 const std::string& raw_note) {
  std::string note = core::clean_text(raw_note);
  if (is_moderator(user) && core::utf8_length(note) < 5)
    return core::fail(core::ServiceError::invalid("Cần ghi nhận xét cho chuyên gia.", {{"note", "Cần ghi nhận xét (ít nhất 5 ký tự)."}}));
  return moderate(user, actor, id, waiting_for_review, "Câu hỏi không chờ duyệt.", "return",
                  [&](db::Connection& c, Question& q, std::int64_t) {
                    // The expert writes again: the first answer, or the reply (kept as the draft).
                    q.status = q.pending_reply.empty() ? Status::assigned : Status::follow_up;
                    q.status_reason = note;
                    notify_.answer_returned(c, q, note);
                    return note;
                  });
}

// Out of the public archive, whatever the question's status; a published question becomes
// delivered again, one waiting for a follow-up keeps waiting.
core::Result<Question> Moderation::unpublish(const auth::User& user, const auth::Actor& actor, std::int64_t id) {
  return moderate(user, actor, id, [](const Question& q) { return q.public_slug.has_value(); }, "Câu hỏi chưa được công bố.",
                  "unpublish", [&](db::Connection& c, Question& q, std::int64_t) {
                    if (q.status == Status::published) q.status = Status::delivered;
                    q.public_slug.reset();
                    q.published_at.reset();
                    changes_.record(c, "consult:" + std::to_string(q.id));
                    return std::string();
                  });
}

}  // namespace consult
