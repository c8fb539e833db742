#pragma once
// Who is told what by e-mail when a question moves a step. The texts are plain-text mustache
// templates, templates/consult/mail/<name>.mustache: the first line is the subject, then one empty
// line, then the body; asker mails end with the "sent automatically" line. Only single-line values
// (the tracking code) may appear in the subject line.
//
// Every method queues its mail in the caller's transaction through the Mailer (the durable mail
// outbox in production, nothing in tests that pass an empty one) and does nothing when the
// recipient has no address. Links are absolute (core::Config::absolute_url); staff links carry no
// token and no contact details. Thread-safe as far as the Mailer is.
#include "consult/model.h"
#include "core/config.h"
#include "db/database.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace consult {

// Queues one e-mail inside the caller's transaction (the mail outbox); tests capture them.
using Mailer = std::function<void(db::Connection&, const std::string& to, const std::string& subject,
                                  const std::string& body)>;

struct MailText {
  std::string subject;
  std::string body;
};

// templates/consult/mail/<name>.mustache rendered as text; throws std::runtime_error when the
// template lacks the empty line after its subject.
MailText render_mail(std::string_view name, const nlohmann::json& view);

class Notifications {
 public:
  Notifications(const core::Config& config, Mailer mailer);

  // To the asker, when they gave an e-mail address. Only the receipt carries the secret link.
  void received(db::Connection& c, const Question& q, const std::string& token);
  void rejected(db::Connection& c, const Question& q, const std::string& reason);
  void merged(db::Connection& c, const Question& q, const Question& into);
  void answered(db::Connection& c, const Question& q);
  void follow_up_answered(db::Connection& c, const Question& q);

  // To the assigned expert.
  void assigned_automatically(db::Connection& c, const Question& q);
  void assigned(db::Connection& c, const Question& q);
  void follow_up_asked(db::Connection& c, const Question& q);
  void answer_returned(db::Connection& c, const Question& q, const std::string& note);
  void deadline_near(db::Connection& c, const Question& q);

  // To every active moderator.
  void new_question(db::Connection& c, const Question& q);
  void answer_to_review(db::Connection& c, const Question& q);
  void overdue(db::Connection& c, const Question& q);

 private:
  void to_asker(db::Connection& c, const Question& q, std::string_view name, const nlohmann::json& view);
  void to_expert(db::Connection& c, const Question& q, std::string_view name, const nlohmann::json& view);
  void to_moderators(db::Connection& c, std::string_view name, const nlohmann::json& view);
  // code, title and the staff link: what most mails show.
  nlohmann::json staff_view(const Question& q) const;

  const core::Config& config_;
  Mailer mailer_;
};

}  // namespace consult
