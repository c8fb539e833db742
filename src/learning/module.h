#pragma once
// Learning law online: question banks today; contests on legal knowledge and courses are built
// on them next (issue 12). Banks are imported with `phobien import-bank`.
#include "learning/question_bank.h"
#include "web/module.h"

#include <memory>

namespace learning {

class LearningModule : public web::Module {
 public:
  explicit LearningModule(const web::ModuleContext& context) : bank_(std::make_unique<QuestionBank>(context.database)) {}
  std::string_view name() const override { return "learning"; }
  void register_routes(web::Site&) override {}
  static std::vector<web::BackupTable> tables() { return {"bank_questions", "bank_choices", "bank_question_articles"}; }

  QuestionBank& bank() { return *bank_; }

 private:
  std::unique_ptr<QuestionBank> bank_;
};

}  // namespace learning
