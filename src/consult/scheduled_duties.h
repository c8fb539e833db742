#pragma once
// Background duties of consultation. Every node runs them about once a minute (the module's duties, consult/module.cpp);
// each claims its rows with a conditional UPDATE or is idempotent, so several nodes never do the
// same work twice and a run after a crash picks up what is left. `now` is Unix seconds.
//
// - Deadlines: a day before a question's due time its expert is reminded, once; past it every
//   moderator gets an escalation e-mail, once.
// - Retention: finished questions untouched for PHOBIEN_QUESTION_RETENTION_DAYS are deleted with
//   their files; published ones keep only their anonymised copy.
// - Orphan files: attachment files that no row references (a crash between writing the file and
//   committing its question) are deleted once older than a day.
// Thread-safe: every call takes its own connection.
#include "core/file_store.h"
#include "consult/duty_repository.h"
#include "consult/notifications.h"
#include "core/config.h"
#include "db/database.h"

namespace consult {

class ScheduledDuties {
 public:
  ScheduledDuties(db::Database& database, const core::Config& config, Notifications& notify, core::FileStore& files);

  // Reminders and escalations sent.
  int check_deadlines(std::int64_t now);
  // Questions deleted or reduced to their anonymised copy; 0 when retention is off (0 days).
  int purge_expired(std::int64_t now);
  // Attachment files deleted.
  int remove_orphan_files(std::int64_t now);

 private:
  // For each question of `ids` that `claim` takes (false: another node did), in one transaction:
  // `send` its e-mail and add `action` to its timeline. Returns how many were sent.
  int notify_claimed(db::Connection& c, const std::vector<std::int64_t>& ids,
                     bool (DutyRepository::*claim)(std::int64_t, std::int64_t),
                     void (Notifications::*send)(db::Connection&, const Question&), const char* action, std::int64_t now);

  db::Database& database_;
  const core::Config& config_;
  Notifications& notify_;
  core::FileStore& files_;
};

}  // namespace consult
