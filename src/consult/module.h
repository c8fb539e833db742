#pragma once
// Online legal consultation: citizens ask, moderators triage, verified experts answer with
// checked citations, published answers form the public Q&A archive (which also serves the
// answering service as evidence). Its figures are the stats module's.
#include "answer/answer_service.h"
#include "consult/consultation.h"
#include "consult/handoff_intake.h"
#include "consult/qa_index.h"
#include "library/library_service.h"
#include "library/search_service.h"
#include "web/module.h"

#include <memory>

namespace consult {

class ConsultModule : public web::Module {
 public:
  ConsultModule(const web::ModuleContext& context, library::LibraryService& library, library::SearchService& search,
                answer::AnswerService& answers);
  std::string_view name() const override { return "consult"; }
  void register_routes(web::Site& site) override;
  std::vector<web::MenuEntry> public_menu() const override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  std::vector<web::Duty> duties() override;
  std::vector<web::FigureSource> figure_sources() const override;
  void start() override { handoffs_->start(); }
  void stop() override { handoffs_->stop(); }
  static std::vector<web::BackupTable> tables();

  Consultation& consultation() { return *service_; }

 private:
  library::SearchService& search_;
  answer::AnswerService& answers_;
  std::unique_ptr<Consultation> service_;
  std::unique_ptr<QaIndex> qa_;
  std::unique_ptr<HandoffIntake> handoffs_;  // turns the answering service's hand-offs into questions
};

}  // namespace consult
