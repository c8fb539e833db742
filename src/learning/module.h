#pragma once
// Learning law online: question banks (`phobien import-bank`, written and reviewed under
// /quan-tri/cau-hoi), online contests on legal
// knowledge (`phobien create-contest`, the pages under /cuoc-thi and /api/v1/contests) and their
// certificates (/chung-nhan), and courses with lessons and quizzes (`phobien create-course`,
// /khoa-hoc), assigned to staff by unit and reported per unit.
#include "learning/bank_editor.h"
#include "learning/certificates.h"
#include "learning/contests.h"
#include "learning/courses.h"
#include "learning/exam_guard.h"
#include "learning/question_bank.h"
#include "units/unit_registry.h"
#include "web/module.h"

#include <memory>

namespace learning {

class LearningModule : public web::Module {
 public:
  LearningModule(const web::ModuleContext& context, units::UnitRegistry& units, library::LibraryService& library);
  std::string_view name() const override { return "learning"; }
  void register_routes(web::Site& site) override;
  std::vector<web::MenuEntry> public_menu() const override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  std::vector<web::Duty> duties() override;
  std::vector<web::FigureSource> figure_sources() const override;
  static std::vector<web::BackupTable> tables();

  QuestionBank& bank() { return *bank_; }
  ContestService& contests() { return *contests_; }
  CourseService& courses() { return *courses_; }
  // For the answering service: no choice for the questions of open contests.
  const answer::ExamGuard& exam_guard() const { return *exam_guard_; }

 private:
  units::UnitRegistry& units_;
  library::LibraryService& library_;
  std::unique_ptr<OpenContestQuestions> exam_guard_;  // before the services that use it
  std::unique_ptr<QuestionBank> bank_;
  std::unique_ptr<BankEditor> bank_editor_;
  std::unique_ptr<ContestService> contests_;
  std::unique_ptr<CertificateService> certificates_;
  std::unique_ptr<CourseService> courses_;
};

}  // namespace learning
