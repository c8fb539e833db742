#include "consult/consultation.h"

#include "consult/question_repository.h"

namespace consult {

Consultation::Consultation(db::Database& database, db::ChangeFeed& changes, library::LibraryService& library,
                           const core::Config& config, Mailer mailer)
    : notifications(config, std::move(mailer)),
      attachments(config.uploads_dir() + "/consult"),
      asking(database, changes, config, notifications, attachments),
      desk(database),
      moderation(database, changes, notifications),
      answering(database, library, notifications),
      experts(database, config),
      archive(database),
      duties(database, config, notifications, attachments),
      database_(database) {}

std::vector<LegalField> Consultation::fields() {
  auto c = database_.acquire();
  return QuestionRepository(*c).fields();
}

}  // namespace consult
