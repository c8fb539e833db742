#pragma once
// A citizen asks, then follows the question: the asker's own access by tracking code and secret
// token (or the account that asked), follow-up questions, the rating of the answer, withdrawal.
//
// ask() makes every check that holds for the form and the API alike: the fields, the proof of
// work of anonymous askers (PHOBIEN_QUESTION_POW_BITS; spent in the question's own transaction,
// so a failed store does not burn the visitor's work), the attachments (typed by content, stripped
// of metadata) and the rate limits per client address and per contact (in the database, so they
// hold across nodes). The honeypot and the fill-time token belong to the HTML form and stay with
// its route. The question, its attachments' rows, the timeline, the audit entry and the e-mails
// are one transaction; attachment files are written before it and removed again if it fails.
// Thread-safe: every call takes its own connection.
#include "auth/audit_log.h"
#include "auth/rate_limiter.h"
#include "auth/user.h"
#include "core/file_store.h"
#include "consult/model.h"
#include "consult/notifications.h"
#include "core/attachment.h"
#include "core/config.h"
#include "core/error.h"
#include "db/change_feed.h"
#include "db/database.h"

#include <map>

namespace consult {

// How an asker proves the question is theirs: the secret token, or the account that asked.
struct AskerKey {
  std::string code;
  std::string token;
  std::optional<std::int64_t> user_id;
};

class Asking {
 public:
  Asking(db::Database& database, db::ChangeFeed& changes, const core::Config& config, Notifications& notify,
         core::FileStore& files);

  // Field messages for what the asker typed (title, body, field, contact, consent), in Vietnamese.
  static std::map<std::string, std::string> validate(const AskInput& in, const std::vector<LegalField>& fields);
  // `user` is the logged-in asker (no proof of work; their address when none is typed).
  core::Result<AskReceipt> ask(const AskInput& in, const auth::Actor& actor, const std::optional<auth::User>& user);
  // The question behind a secret link (or of the logged-in asker): not_found for a wrong token,
  // exactly as for an unknown code. The answer shows only once delivered.
  core::Result<QuestionView> open(const AskerKey& key);
  core::Result<void> follow_up(const AskerKey& key, const std::string& text);
  core::Result<void> rate(const AskerKey& key, bool useful);
  // Consent withdrawn: the question, its answer and its files are deleted (published copy too).
  core::Result<void> withdraw(const AskerKey& key, const auth::Actor& actor);
  // Questions the logged-in citizen asked, latest first (100 at most).
  std::vector<Question> asked_by(const auth::User& user);

 private:
  // Verifies and spends the asker's proof of work; the refusal says why in Vietnamese.
  core::Result<void> pay_proof_of_work(db::Connection& c, const AskInput& in);
  // Inside the question's transaction: its row, timeline, attachment rows, audit entry and e-mails.
  void record(db::Connection& c, Question& q, const std::string& token, const std::vector<core::CleanAttachment>& cleaned,
              const std::vector<Attachment>& stored, const auth::Actor& actor, std::int64_t now);
  core::Result<Question> check_asker(db::Connection& c, const AskerKey& key);

  db::Database& database_;
  db::ChangeFeed& changes_;
  const core::Config& config_;
  Notifications& notify_;
  core::FileStore& files_;
  auth::RateLimiter limiter_;
};

}  // namespace consult
