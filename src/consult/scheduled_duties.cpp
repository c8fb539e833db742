#include "consult/scheduled_duties.h"

#include "consult/citation_resolver.h"
#include "consult/question_repository.h"
#include "consult/question_rules.h"
#include "core/random.h"
#include "core/utf8.h"

#include <nlohmann/json.hpp>

namespace consult {

namespace {

constexpr std::size_t kHandoffsPerRun = 100;
// A file is written before the transaction that adds its row: an upload in progress is seconds
// old, so a day leaves room for any transaction and for clocks that disagree a little.
constexpr std::int64_t kOrphanGraceSeconds = kDay;

// A hand-off's question as a title: whole up to 120 characters, else its first 100 characters and
// the rest of the word they end in (at most 20 more), then "…". Counted in characters, so never
// half of one: PostgreSQL refuses invalid UTF-8.
std::string handoff_title(const std::string& text) {
  if (core::utf8_length(text) <= 120) return text;
  std::string title = core::utf8_prefix(text, 100);
  std::string rest = core::utf8_prefix(std::string_view(text).substr(title.size()), 20);
  if (auto space = rest.find(' '); space != std::string::npos) title += rest.substr(0, space);
  return title + "…";
}

}  // namespace

ScheduledDuties::ScheduledDuties(db::Database& database, const core::Config& config, Notifications& notify,
                                 AttachmentStore& files)
    : database_(database), config_(config), notify_(notify), files_(files) {}

int ScheduledDuties::check_deadlines(std::int64_t now) {
  auto c = database_.acquire();
  // Reminders: a day before the deadline, once.
  int sent = notify_claimed(*c, DutyRepository(*c).due_for_reminder(now, now + kDay), &DutyRepository::claim_reminder,
                            &Notifications::deadline_near, "remind", now);
  // Escalation: past the deadline, once, to every moderator.
  return sent + notify_claimed(*c, DutyRepository(*c).due_for_escalation(now), &DutyRepository::claim_escalation,
                               &Notifications::overdue, "escalate", now);
}

int ScheduledDuties::notify_claimed(db::Connection& c, const std::vector<std::int64_t>& ids,
                                    bool (DutyRepository::*claim)(std::int64_t, std::int64_t),
                                    void (Notifications::*send)(db::Connection&, const Question&), const char* action,
                                    std::int64_t now) {
  int sent = 0;
  for (auto id : ids) {
    db::Transaction tx(c);
    // Claimed with a conditional update, so two nodes never send twice.
    DutyRepository duties(c);
    if (!(duties.*claim)(id, now)) continue;
    QuestionRepository questions(c);
    auto q = questions.find(id);
    (notify_.*send)(c, *q);
    questions.add_event(q->id, std::nullopt, action, "", now);
    tx.commit();
    ++sent;
  }
  return sent;
}

int ScheduledDuties::take_handoffs(std::int64_t now) {
  auto c = database_.acquire();
  int taken = 0;
  for (const auto& h : DutyRepository(*c).new_handoffs(kHandoffsPerRun)) {
    db::Transaction tx(*c);
    if (!DutyRepository(*c).claim_handoff(h.id)) continue;
    std::string text = core::clean_text(h.question);
    Question q;
    q.title = handoff_title(text);
    q.body = text;
    q.source = "handoff";
    q.status = Status::fresh;
    q.created_at = q.updated_at = now;
    q.code = make_tracking_code();
    QuestionRepository repo(*c);
    // A hand-off has no secret link: the asker chatted anonymously; staff answer into the archive.
    q.id = repo.insert(q, core::sha256_hex(core::random_token(24)), now);
    std::vector<Citation> candidates;
    for (const auto& cand : nlohmann::json::parse(h.candidates, nullptr, false)) {
      if (!cand.is_object() || !cand.contains("document_id") || !cand.contains("article")) continue;
      Citation ci;
      try {
        ci.document_id = std::stoll(cand["document_id"].is_string() ? cand["document_id"].get<std::string>()
                                                                     : std::to_string(cand["document_id"].get<std::int64_t>()));
      } catch (const std::exception&) {
        continue;
      }
      ci.article = cand["article"].is_string() ? cand["article"].get<std::string>() : "";
      if (complete_citation(ci, *c)) candidates.push_back(ci);
    }
    repo.replace_citations(q.id, "candidate", candidates);
    repo.add_event(q.id, std::nullopt, "handoff", "từ hệ thống trả lời tự động, " + std::to_string(candidates.size()) + " điều luật gợi ý", now);
    tx.commit();
    ++taken;
  }
  return taken;
}

int ScheduledDuties::purge_expired(std::int64_t now) {
  if (config_.question_retention_days <= 0) return 0;
  std::int64_t before = now - config_.question_retention_days * kDay;
  auto c = database_.acquire();
  int purged = 0;
  for (const auto& expired : DutyRepository(*c).expired(before)) {
    db::Transaction tx(*c);
    QuestionRepository repo(*c);
    auto files = repo.attachments(expired.id);
    // A published question keeps its anonymised copy public; what identifies the asker goes.
    if (expired.published) DutyRepository(*c).anonymise(expired.id);
    else repo.remove(expired.id);
    tx.commit();
    files_.remove(files);
    ++purged;
  }
  return purged;
}

int ScheduledDuties::remove_orphan_files(std::int64_t now) {
  auto referenced = QuestionRepository(*database_.acquire()).attachment_names();
  return files_.remove_orphans(referenced, now - kOrphanGraceSeconds);
}

}  // namespace consult
