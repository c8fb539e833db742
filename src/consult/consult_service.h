#pragma once
// The rules of online legal consultation: who may ask, see, triage, answer, review and publish a
// question, and what each step sends to whom. Every change is one transaction with its timeline
// event, its e-mail notifications (queued in the same transaction) and its change-feed entry.
#include "auth/audit_log.h"
#include "auth/rate_limiter.h"
#include "auth/user.h"
#include "consult/model.h"
#include "core/config.h"
#include "core/error.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "library/library_service.h"

#include <functional>

namespace consult {

// Queues one e-mail inside the caller's transaction (the mail outbox); tests capture them.
using Mailer = std::function<void(db::Connection&, const std::string& to, const std::string& subject,
                                  const std::string& body)>;

// What the asker, the assigned expert and moderators see of one question.
struct QuestionView {
  Question question;
  std::vector<Citation> citations;   // the answer's
  std::vector<Citation> candidates;  // found by the answering service for a handed-off question
  std::vector<Message> messages;
  std::vector<Attachment> attachments;
  std::vector<Event> events;
};

struct ExpertInput {
  std::string email;  // the expert's account (must exist)
  std::string kind;
  std::string full_name;
  std::string organisation;
  std::string credential;
  std::string bio;
  std::vector<std::string> fields;
  bool available = true;
  int capacity = 5;
  bool review_required = false;
  std::optional<AttachmentUpload> photo;  // a new photo (JPEG, PNG, WebP); none keeps the current one
};

struct AnswerInput {
  std::string markdown;
  std::string citations;  // one citation per line
};

struct PublishInput {
  std::string title;
  std::string body;
};

// How an asker proves the question is theirs: the secret token, or the account that asked.
struct AskerKey {
  std::string code;
  std::string token;
  std::optional<std::int64_t> user_id;
};

// Limits for askers; every one is a setting (core::Config).
struct AskLimits {
  core::RateLimit per_ip{5, 3600};
  core::RateLimit per_contact{3, 24 * 3600};
};

constexpr std::size_t kMaxTitleChars = 200;
constexpr std::size_t kMaxBodyChars = 10000;
constexpr std::size_t kMaxAnswerChars = 30000;

class ConsultService {
 public:
  ConsultService(db::Database& database, db::ChangeFeed& changes, library::LibraryService& library,
                 const core::Config& config, Mailer mailer);

  std::vector<LegalField> fields();

  // Asking and following one's own question. ask() checks the rate limits itself; the route
  // checks proof-of-work, honeypot and fill time, which only exist for forms and the API.
  static std::map<std::string, std::string> validate(const AskInput& in, const std::vector<LegalField>& fields);
  core::Result<AskReceipt> ask(const AskInput& in, const auth::Actor& actor, const std::optional<auth::User>& user);
  // The question behind a secret link (or of the logged-in asker): not_found for a wrong token,
  // exactly as for an unknown code.
  core::Result<QuestionView> open(const AskerKey& key);
  core::Result<void> follow_up(const AskerKey& key, const std::string& text);
  core::Result<void> rate(const AskerKey& key, bool useful);
  // Consent withdrawn: the question, its answer and its files are deleted (published copy too).
  core::Result<void> withdraw(const AskerKey& key, const auth::Actor& actor);
  // Questions the logged-in citizen asked.
  std::vector<Question> asked_by(const auth::User& user);

  // Staff: a question as the user may see it (forbidden for others).
  core::Result<QuestionView> view(const auth::User& user, std::int64_t id);
  bool may_view(const auth::User& user, const Question& q);
  std::vector<Question> queue(const auth::User& user, std::optional<Status> status, std::size_t limit, std::size_t offset);
  std::vector<Question> overdue(std::size_t limit);

  core::Result<Question> triage(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                const std::string& field_slug, const std::string& note);
  core::Result<Question> reject(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                const std::string& reason);
  core::Result<Question> merge(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                               const std::string& into_code);
  core::Result<Question> assign(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                std::int64_t expert_id);
  core::Result<Question> save_answer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                     const AnswerInput& in);
  core::Result<Question> approve(const auth::User& user, const auth::Actor& actor, std::int64_t id);
  core::Result<Question> return_answer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                       const std::string& note);
  core::Result<Question> publish(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                 const PublishInput& in);
  core::Result<Question> unpublish(const auth::User& user, const auth::Actor& actor, std::int64_t id);
  // The published text proposed to the moderator: personal data masked by the detector.
  PublishInput publish_draft(const Question& q) const;

  // Expert registry.
  std::vector<Expert> experts();
  std::optional<Expert> expert(std::int64_t id);
  std::optional<Expert> expert_of(const auth::User& user);
  core::Result<Expert> save_expert(const auth::User& user, const auth::Actor& actor, std::optional<std::int64_t> id,
                                   const ExpertInput& in);
  core::Result<Expert> verify_expert(const auth::User& user, const auth::Actor& actor, std::int64_t id, bool verified);

  // Public archive.
  std::vector<Question> published(std::optional<std::string> field_slug, std::size_t limit, std::size_t offset);
  std::int64_t count_published(std::optional<std::string> field_slug);
  std::optional<QuestionView> published_question(const std::string& slug);
  std::vector<Question> all_published();

  // Background duties (any node may run them; each is idempotent).
  // Reminds experts a day before the deadline and escalates overdue questions to moderators.
  int check_deadlines(std::int64_t now);
  // (Hand-offs of the answering service become questions through consult::HandoffIntake.)
  // Deletes questions past the retention period (published ones keep their anonymised copy).
  int purge_expired(std::int64_t now);

  // Stored path of an attachment (for routes that stream it after checking may_view).
  std::string attachment_path(const Attachment& a) const;
  // Where expert photos are stored (served at /uploads/experts/{name}).
  std::string photo_dir() const { return config_.uploads_dir() + "/experts"; }
  void delete_files(const std::vector<Attachment>& files);

 private:
  core::Result<Question> load_for_staff(db::Connection& c, const auth::User& user, std::int64_t id);
  // One moderator step on a question in status `from`: `change(connection, question, now)`
  // edits it and returns the timeline detail; saving, the timeline event and the audit entry
  // follow in the same transaction.
  template <typename Change>
  core::Result<Question> moderate(const auth::User& user, const auth::Actor& actor, std::int64_t id, Status from,
                                  const char* wrong_status, const std::string& action, Change change);
  std::optional<std::int64_t> auto_assign(db::Connection& c, Question& q, std::int64_t now);
  core::Result<Question> check_asker(db::Connection& c, const AskerKey& key);
  void notify_asker(db::Connection& c, const Question& q, const std::string& subject, const std::string& body);
  void notify_expert(db::Connection& c, const Question& q, const std::string& subject, const std::string& body);
  void notify_moderators(db::Connection& c, const std::string& subject, const std::string& body);
  QuestionView load_view(db::Connection& c, const Question& q);
  std::string staff_url(const Question& q) const;

  db::Database& database_;
  db::ChangeFeed& changes_;
  library::LibraryService& library_;
  const core::Config& config_;
  Mailer mailer_;
  auth::RateLimiter limiter_;
};

// "TV-7K3M9Q2P": letters and digits that cannot be mistaken for each other.
std::string make_tracking_code();

}  // namespace consult
