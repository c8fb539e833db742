#include "consult/notifications.h"

#include "consult/account_repository.h"
#include "core/time.h"
#include "web/templates.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace consult {

MailText render_mail(std::string_view name, const nlohmann::json& view) {
  std::string text = web::render_text("consult/mail/" + std::string(name), view);
  auto end = text.find('\n');
  if (end == std::string::npos || text.compare(end, 2, "\n\n") != 0)
    throw std::runtime_error("mail template " + std::string(name) + ": no empty line after the subject");
  MailText mail{text.substr(0, end), text.substr(end + 2)};
  if (mail.body.ends_with('\n')) mail.body.pop_back();  // the file's last line break
  return mail;
}

Notifications::Notifications(const core::Config& config, Mailer mailer) : config_(config), mailer_(std::move(mailer)) {}

nlohmann::json Notifications::staff_view(const Question& q) const {
  return {{"code", q.code}, {"title", q.title}, {"url", config_.absolute_url("/quan-tri/tu-van/" + std::to_string(q.id))}};
}

void Notifications::to_asker(db::Connection& c, const Question& q, std::string_view name, const nlohmann::json& view) {
  if (q.email.empty() || !mailer_) return;
  auto mail = render_mail(name, view);
  mailer_(c, q.email, mail.subject, mail.body);
}

void Notifications::to_expert(db::Connection& c, const Question& q, std::string_view name, const nlohmann::json& view) {
  if (!q.expert_id || !mailer_) return;
  auto to = AccountRepository(c).expert_email(*q.expert_id);
  if (!to) return;
  auto mail = render_mail(name, view);
  mailer_(c, *to, mail.subject, mail.body);
}

void Notifications::to_moderators(db::Connection& c, std::string_view name, const nlohmann::json& view) {
  if (!mailer_) return;
  auto mail = render_mail(name, view);
  for (const auto& to : AccountRepository(c).moderator_emails()) mailer_(c, to, mail.subject, mail.body);
}

void Notifications::received(db::Connection& c, const Question& q, const std::string& token) {
  to_asker(c, q, "received",
           {{"code", q.code}, {"title", q.title},
            {"link", config_.absolute_url("/tu-van/theo-doi/" + q.code + "?token=" + token)}});
}

void Notifications::rejected(db::Connection& c, const Question& q, const std::string& reason) {
  to_asker(c, q, "rejected", {{"code", q.code}, {"title", q.title}, {"reason", reason}});
}

void Notifications::merged(db::Connection& c, const Question& q, const Question& into) {
  nlohmann::json view = {{"code", q.code}, {"title", q.title}};
  if (into.public_slug)
    view["answer_url"] = config_.absolute_url("/hoi-dap/" + *into.public_slug);
  to_asker(c, q, "merged", view);
}

void Notifications::answered(db::Connection& c, const Question& q) {
  to_asker(c, q, "answered", {{"code", q.code}, {"title", q.title}});
}

void Notifications::follow_up_answered(db::Connection& c, const Question& q) {
  to_asker(c, q, "follow_up_answered", {{"code", q.code}, {"title", q.title}});
}

void Notifications::assigned_automatically(db::Connection& c, const Question& q) {
  auto view = staff_view(q);
  view["field"] = q.field_name;
  view["due"] = q.due_at ? core::format_vn_date(*q.due_at) : "";
  to_expert(c, q, "assigned_automatically", view);
}

void Notifications::assigned(db::Connection& c, const Question& q) {
  auto view = staff_view(q);
  if (q.due_at) view["due"] = core::format_vn_date(*q.due_at);
  to_expert(c, q, "assigned", view);
}

void Notifications::follow_up_asked(db::Connection& c, const Question& q) { to_expert(c, q, "follow_up_asked", staff_view(q)); }

void Notifications::answer_returned(db::Connection& c, const Question& q, const std::string& note) {
  auto view = staff_view(q);
  view["note"] = note;
  to_expert(c, q, "answer_returned", view);
}

void Notifications::deadline_near(db::Connection& c, const Question& q) {
  auto view = staff_view(q);
  view["due"] = q.due_at ? core::format_vn_datetime(*q.due_at) : "";
  to_expert(c, q, "deadline_near", view);
}

void Notifications::new_question(db::Connection& c, const Question& q) { to_moderators(c, "new_question", staff_view(q)); }

void Notifications::answer_to_review(db::Connection& c, const Question& q) {
  to_moderators(c, "answer_to_review", staff_view(q));
}

void Notifications::overdue(db::Connection& c, const Question& q) {
  auto view = staff_view(q);
  view["due"] = q.due_at ? core::format_vn_datetime(*q.due_at) : "";
  view["expert"] = q.expert_name;
  to_moderators(c, "overdue", view);
}

}  // namespace consult
