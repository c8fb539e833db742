#include "consult/scheduled_duties.h"

#include "consult/question_repository.h"
#include "consult/question_rules.h"
#include "consult/settings.h"
#include "core/random.h"
#include "core/utf8.h"

#include <nlohmann/json.hpp>

namespace consult {

ScheduledDuties::ScheduledDuties(db::Database& database, const core::Config& config, Notifications& notify,
                                 core::FileStore& files)
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

int ScheduledDuties::purge_expired(std::int64_t now) {
  if (config_.section<Settings>().question_retention_days <= 0) return 0;
  std::int64_t before = now - config_.section<Settings>().question_retention_days * kDay;
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
  return files_.remove_orphans(referenced, now - core::kOrphanGraceSeconds);
}

}  // namespace consult
