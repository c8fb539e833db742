#pragma once
// Online legal consultation (tư vấn pháp luật trực tuyến), assembled: every service of the module
// built from the same inputs, for the application and the tests. Each service states its own
// contract in its header:
//
//   asking.h            a citizen asks and follows the question (secret link), anti-spam checks
//   desk.h              what moderators and experts see: the queue, one question
//   moderation.h        triage, reject, merge, assign, review, publish and unpublish
//   answering.h         the assigned expert answers with citations checked against the library
//   expert_registry.h   the experts, their fields, capacity, photo and verification
//   public_archive.h    the published questions (/hoi-dap)
//   scheduled_duties.h  deadlines, retention, orphan files (hand-offs: handoff_intake.h)
//   notifications.h     the e-mails (templates/consult/mail/*.mustache)
//   core/file_store.h  the files on disk
//
// The SQL lives in the *_repository.h files; the HTTP side in *_routes.h and the views.
#include "consult/answering.h"
#include "consult/asking.h"
#include "core/file_store.h"
#include "consult/desk.h"
#include "consult/expert_registry.h"
#include "consult/moderation.h"
#include "consult/notifications.h"
#include "consult/public_archive.h"
#include "consult/scheduled_duties.h"
#include "core/config.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "library/library_service.h"

namespace consult {

class Consultation {
 public:
  // `config` is read when a setting is needed, so it must outlive this (as every argument).
  Consultation(db::Database& database, db::ChangeFeed& changes, library::LibraryService& library,
               const core::Config& config, Mailer mailer);
  Consultation(const Consultation&) = delete;
  Consultation& operator=(const Consultation&) = delete;

  // The legal fields (lĩnh vực) every form and filter offers, in display order.
  std::vector<LegalField> fields();

  Notifications notifications;
  core::FileStore attachments;  // <uploads>/consult
  Asking asking;
  Desk desk;
  Moderation moderation;
  Answering answering;
  ExpertRegistry experts;
  PublicArchive archive;
  ScheduledDuties duties;

 private:
  db::Database& database_;
};

}  // namespace consult
