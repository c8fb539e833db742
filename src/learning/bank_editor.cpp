#include "learning/bank_editor.h"

#include "core/strings.h"
#include "core/utf8.h"
#include "learning/permissions.h"
#include "learning/question_rules.h"
#include "library/citation_resolver.h"

#include <fmt/format.h>

namespace learning {

namespace {

core::ServiceError not_found() { return core::ServiceError::not_found("Không tìm thấy câu hỏi."); }

// The question the form describes, or every field that is wrong.
core::Result<BankQuestion> question_of(const QuestionInput& in, db::Connection& c, const library::LinkTable& links) {
  BankQuestion q;
  q.kind = in.kind;
  q.text = core::clean_text(in.text);
  for (auto choice : in.choices) {
    choice.text = core::clean_text(choice.text);
    q.choices.push_back(std::move(choice));
  }
  q.explanation = core::clean_text(in.explanation);
  q.field_slug = in.field_slug;
  q.law = core::clean_text(in.law);
  q.difficulty = in.difficulty;
  q.tags = core::split_clean(in.tags, ',');
  auto problems = question_problems(q);
  if (!q.field_slug.empty() && !BankRepository(c).field_exists(q.field_slug))
    problems.emplace("field", "Lĩnh vực này không có trong danh mục lĩnh vực pháp luật.");
  if (in.citations.size() > 8 * 1024) {
    problems.emplace("citations", "Phần căn cứ pháp lý dài quá.");
  } else if (auto cited = library::resolve_citations(in.citations, links, c); !cited) {
    problems.emplace("citations", cited.error().message);
  } else if (cited->empty()) {
    problems.emplace("citations", "Cần dẫn ít nhất một điều luật làm căn cứ cho đáp án.");
  } else {
    q.articles = std::move(*cited);
  }
  if (!problems.empty())
    return core::fail(core::ServiceError::invalid("Câu hỏi chưa hợp lệ: vui lòng sửa các mục được đánh dấu.", std::move(problems)));
  return q;
}

std::string submitted_note(bool submit) { return submit ? "gửi duyệt" : "bản nháp"; }

}  // namespace

core::Result<std::int64_t> BankEditor::create(const auth::User& user, const auth::Actor& actor, const QuestionInput& in,
                                             bool submit, std::int64_t now) {
  if (!perm::write_questions.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  auto links = library_.link_table();
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto q = question_of(in, *c, *links);
  if (!q) return core::fail(q.error());
  q->status = submit ? BankStatus::pending : BankStatus::draft;
  const auto id = BankRepository(*c).insert(*q, user.id, now);
  auth::record_audit(*c, actor, "bank.create", "bank_question:" + std::to_string(id), submitted_note(submit));
  tx.commit();
  return id;
}

core::Result<void> BankEditor::update(const auth::User& user, const auth::Actor& actor, std::int64_t id, const QuestionInput& in,
                                      bool submit, std::int64_t now) {
  if (!perm::write_questions.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  auto links = library_.link_table();
  auto c = database_.acquire();
  db::Transaction tx(*c);
  BankRepository repo(*c);
  auto stored = repo.find(id);
  if (!stored) return core::fail(not_found());
  if (repo.used_in_attempts(id))
    return core::fail(core::ServiceError::conflict(
        "Câu hỏi đã được dùng trong bài thi nên không sửa được (đáp án là căn cứ chấm điểm). Hãy tạo câu hỏi mới."));
  if (in.loaded_at && *in.loaded_at != stored->updated_at)
    return core::fail(core::ServiceError::conflict("Câu hỏi vừa được người khác sửa. Vui lòng tải lại trang và sửa lại."));
  auto q = question_of(in, *c, *links);
  if (!q) return core::fail(q.error());
  q->id = id;
  // A published question that changes goes back to review; a returned one keeps its note until submitted.
  q->status = submit || stored->status == BankStatus::published || stored->status == BankStatus::pending ? BankStatus::pending
                                                                                                          : stored->status;
  q->review_note = q->status == BankStatus::pending ? "" : stored->review_note;
  repo.update(*q, now);
  auth::record_audit(*c, actor, "bank.update", "bank_question:" + std::to_string(id), std::string(status_label(q->status)));
  tx.commit();
  return {};
}

core::Result<void> BankEditor::submit(const auth::User& user, const auth::Actor& actor, std::int64_t id, std::int64_t now) {
  return transition(user, actor, id, BankStatus::pending, "", now);
}

core::Result<void> BankEditor::publish(const auth::User& user, const auth::Actor& actor, std::int64_t id, std::int64_t now) {
  return transition(user, actor, id, BankStatus::published, "", now);
}

core::Result<void> BankEditor::return_to_writer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                                const std::string& note, std::int64_t now) {
  return transition(user, actor, id, BankStatus::returned, note, now);
}

core::Result<void> BankEditor::transition(const auth::User& user, const auth::Actor& actor, std::int64_t id, BankStatus to,
                                          const std::string& note, std::int64_t now) {
  const bool reviewing = to != BankStatus::pending;
  if (!(reviewing ? perm::review_questions : perm::write_questions).allows(user.role))
    return core::fail(core::ServiceError::forbidden("Chỉ người duyệt mới được duyệt hoặc trả lại câu hỏi."));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  BankRepository repo(*c);
  auto q = repo.find(id);
  if (!q) return core::fail(not_found());
  const std::string cleaned = core::clean_text(note);
  switch (to) {
    case BankStatus::pending:
      if (q->status != BankStatus::draft && q->status != BankStatus::returned)
        return core::fail(core::ServiceError::conflict("Chỉ gửi duyệt được bản nháp hoặc câu hỏi bị trả lại."));
      break;
    case BankStatus::published:
      if (q->status != BankStatus::pending) return core::fail(core::ServiceError::conflict("Chỉ duyệt được câu hỏi đang chờ duyệt."));
      break;
    case BankStatus::returned:
      if (q->status != BankStatus::pending && q->status != BankStatus::published)
        return core::fail(core::ServiceError::conflict("Chỉ trả lại được câu hỏi đang chờ duyệt hoặc đã duyệt."));
      if (cleaned.empty() || core::utf8_length(cleaned) > 1000)
        return core::fail(core::ServiceError::invalid("Vui lòng ghi lý do trả lại (tối đa 1000 ký tự).",
                                                      {{"comment", "Vui lòng ghi lý do trả lại (tối đa 1000 ký tự)."}}));
      break;
    case BankStatus::draft:
      return core::fail(core::ServiceError::invalid("Chuyển trạng thái không hợp lệ."));
  }
  repo.set_status(id, to, cleaned, now);
  auth::record_audit(*c, actor, fmt::format("bank.{}", status_slug(to)), "bank_question:" + std::to_string(id), cleaned);
  tx.commit();
  return {};
}

core::Result<EditableQuestion> BankEditor::editable(const auth::User& user, std::int64_t id) {
  if (!perm::write_questions.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  auto c = database_.acquire();
  BankRepository repo(*c);
  auto q = repo.find(id);
  if (!q) return core::fail(not_found());
  EditableQuestion e{*q, repo.used_in_attempts(id), ""};
  for (const auto& a : q->articles) e.citations += library::citation_label(a) + "\n";
  return e;
}

std::vector<std::pair<std::string, std::string>> BankEditor::fields() {
  return BankRepository(*database_.acquire()).fields();
}

std::vector<BankListItem> BankEditor::list(const BankQuery& q) {
  return BankRepository(*database_.acquire()).list(q);
}

std::int64_t BankEditor::count(const BankQuery& q) {
  return BankRepository(*database_.acquire()).count(q);
}

}  // namespace learning
