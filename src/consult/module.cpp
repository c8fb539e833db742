#include "consult/module.h"

#include "consult/admin_routes.h"
#include "consult/api_routes.h"
#include "consult/permissions.h"
#include "consult/public_routes.h"
#include "consult/question_repository.h"
#include "mail/mail_outbox.h"

#include <spdlog/spdlog.h>

namespace consult {

namespace {
// Consultation e-mails join the transaction of the step that causes them (the durable outbox).
void queue_mail(db::Connection& c, const std::string& to, const std::string& subject, const std::string& body) {
  if (auto queued = mail::MailOutbox::enqueue(c, to, subject, body); !queued) spdlog::warn("e-mail not queued: {}", queued.error());
}
}  // namespace

ConsultModule::ConsultModule(const web::ModuleContext& context, library::LibraryService& library,
                             library::SearchService& search, answer::AnswerService& answers)
    : search_(search),
      answers_(answers),
      service_(std::make_unique<Consultation>(context.database, context.changes, library, context.config, queue_mail)),
      qa_(std::make_unique<QaIndex>(context.database, context.changes)),
      handoffs_(std::make_unique<HandoffIntake>(context.database)) {
  answers_.set_archive(qa_.get());
  answers_.set_handoffs(handoffs_.get());
}

void ConsultModule::register_routes(web::Site& site) {
  register_consult_admin_routes(site, *service_, search_);
  register_consult_public_routes(site, *service_, *qa_, answers_);
  register_consult_api_routes(site, *service_, *qa_);
}

std::vector<web::MenuEntry> ConsultModule::public_menu() const {
  return {{130, "Hỏi đáp pháp luật", "/hoi-dap"}, {140, "Gửi câu hỏi tư vấn", "/tu-van"}};
}

std::vector<web::BackOfficeLink> ConsultModule::back_office_links() const {
  return {{30, "Tư vấn pháp luật", "/quan-tri/tu-van", web::needs(perm::use_desk)},
          {31, "Chuyên gia tư vấn", "/quan-tri/chuyen-gia", web::needs(perm::manage_experts)}};
}

// Deadlines remind and escalate, expired personal data and orphaned attachment files go
// (hand-offs have their own queue worker). Every node runs them; each claims its rows, so none is done twice.
std::vector<web::Duty> ConsultModule::duties() {
  const std::chrono::seconds minute(60);
  return {{"consult.deadlines", minute, [this](std::int64_t now) { service_->duties.check_deadlines(now); }},
          {"consult.purge", minute, [this](std::int64_t now) { service_->duties.purge_expired(now); }},
          {"consult.orphan_files", minute, [this](std::int64_t now) { service_->duties.remove_orphan_files(now); }}};
}

std::vector<web::BackupTable> ConsultModule::tables() {
  return {{"legal_fields"},      {"experts"},           {"expert_fields"},
          {"questions"},         {"question_citations"}, {"question_messages"},
          {"question_attachments"}, {"question_events"}};
}

std::vector<web::FigureSource> ConsultModule::figure_sources() const {
  return {{"consult.questions_answered", "câu hỏi tư vấn trực tuyến đã trả lời", [](db::Connection& c, std::int64_t from, std::int64_t to) {
             return web::UnitCounts{{"", QuestionRepository(c).count_answered(from, to)}};
           }}};
}

}  // namespace consult
