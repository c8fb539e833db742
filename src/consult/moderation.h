#pragma once
// The moderators' steps on a question: triage (field and deadline, then automatic assignment to
// the least loaded verified expert of the field), reject, merge into a duplicate, assign, review
// an answer or a reply to a follow-up (approve or return it), publish the anonymised copy of the
// question and of its answer, and unpublish it.
//
// Each step checks the role (moderators and admins, auth::can_moderate_questions) and the
// question's status, then is one transaction with its timeline event, its audit entry, its
// e-mails (Notifications) and, when public pages change, its change-feed entry. Refusals are
// ServiceErrors with Vietnamese messages: forbidden, not_found, conflict (wrong status) or
// invalid (with field messages). Thread-safe: every call takes its own connection.
#include "auth/audit_log.h"
#include "auth/user.h"
#include "consult/model.h"
#include "consult/notifications.h"
#include "core/error.h"
#include "db/change_feed.h"
#include "db/database.h"

namespace consult {

// The anonymised copy to publish: question title and text, and the expert's answer, each edited
// by the moderator until the personal-data detector finds nothing in it.
struct PublishInput {
  std::string title;
  std::string body;
  std::string answer;  // Markdown
};

class Moderation {
 public:
  Moderation(db::Database& database, db::ChangeFeed& changes, Notifications& notify);

  core::Result<Question> triage(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                const std::string& field_slug, const std::string& note);
  core::Result<Question> reject(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                const std::string& reason);
  core::Result<Question> merge(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                               const std::string& into_code);
  core::Result<Question> assign(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                std::int64_t expert_id);
  core::Result<Question> approve(const auth::User& user, const auth::Actor& actor, std::int64_t id);
  core::Result<Question> return_answer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                       const std::string& note);
  // Only with the asker's consent, and only texts (title, question, answer) in which
  // text::find_personal_data finds nothing. Publishing again replaces the public copy.
  core::Result<Question> publish(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                 const PublishInput& in);
  core::Result<Question> unpublish(const auth::User& user, const auth::Actor& actor, std::int64_t id);
  // The copy proposed to the moderator: the current public copy, or the original texts with
  // personal data masked by the detector.
  static PublishInput publish_draft(const Question& q);

 private:
  // The frame of every step: the role, a transaction, question `id` as `user` may see it; `step(c, q)`
  // checks and changes it, and the transaction commits when it succeeds.
  template <typename Step>
  core::Result<Question> in_transaction(const auth::User& user, std::int64_t id, Step step);
  // A review or unpublish step on a question for which `allowed(question)` holds (otherwise a
  // conflict with `refusal`): `change(connection, question, now)` edits it and returns the
  // timeline detail; saving, the timeline event and the audit entry follow in the same
  // transaction, and the change feed is told.
  template <typename Allowed, typename Change>
  core::Result<Question> moderate(const auth::User& user, const auth::Actor& actor, std::int64_t id, Allowed allowed,
                                  const char* refusal, const std::string& action, Change change);
  // Assigns the least loaded verified expert of the question's field, if any.
  std::optional<std::int64_t> auto_assign(db::Connection& c, Question& q, std::int64_t now);

  db::Database& database_;
  db::ChangeFeed& changes_;
  Notifications& notify_;
};

}  // namespace consult
