#pragma once
// Automated legal answering: answers composed from the law text, always cited, on its own page,
// in the chat panel and through the JSON API; chat channels (messaging) use the same service.
#include "answer/answer_service.h"
#include "answer/reviews.h"
#include "web/module.h"

#include <memory>

namespace answer {

class AnswerModule : public web::Module {
 public:
  AnswerModule(const web::ModuleContext& context, const library::SearchService& search);
  std::string_view name() const override { return "answer"; }
  void register_routes(web::Site& site) override;
  std::vector<web::MenuEntry> public_menu() const override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  std::vector<web::FigureSource> figure_sources() const override;
  static std::vector<web::BackupTable> tables();

  AnswerService& service() { return *service_; }
  // Helpful answers, for the library's vocabulary suggestions.
  const library::AnsweredQuestions& helpful_answers() const { return *reviews_; }

 private:
  std::unique_ptr<AnswerService> service_;
  std::unique_ptr<AnswerReviews> reviews_;
};

}  // namespace answer
