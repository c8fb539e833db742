#include "learning/module.h"

#include "antispam/site_secret.h"
#include "learning/bank_admin_routes.h"
#include "learning/certificate_routes.h"
#include "learning/contest_admin_routes.h"
#include "learning/contest_api_routes.h"
#include "learning/contest_routes.h"
#include "learning/course_admin_routes.h"
#include "learning/course_routes.h"
#include "learning/contest_repository.h"
#include "learning/course_repository.h"
#include "learning/permissions.h"

#include <chrono>

namespace learning {

LearningModule::LearningModule(const web::ModuleContext& context, units::UnitRegistry& units,
                               library::LibraryService& library)
    : units_(units),
      library_(library),
      exam_guard_(std::make_unique<OpenContestQuestions>(context.database)),
      bank_(std::make_unique<QuestionBank>(context.database)),
      bank_editor_(std::make_unique<BankEditor>(context.database, library)),
      contests_(std::make_unique<ContestService>(context.database, units, antispam::site_secret(context.database))),
      certificates_(std::make_unique<CertificateService>(context.database)),
      courses_(std::make_unique<CourseService>(context.database, units, library, exam_guard_.get())) {}

void LearningModule::register_routes(web::Site& site) {
  register_contest_routes(site, *contests_, *certificates_, units_);
  register_contest_api_routes(site, *contests_, *certificates_);
  register_certificate_routes(site, *certificates_);
  register_bank_admin_routes(site, *bank_editor_, *bank_);
  register_course_routes(site, *courses_, units_, library_);
  register_course_admin_routes(site, *courses_);
  register_contest_admin_routes(site, *contests_);
}

std::vector<web::MenuEntry> LearningModule::public_menu() const {
  return {{150, "Cuộc thi", "/cuoc-thi"}, {160, "Khóa học", "/khoa-hoc"}};
}

std::vector<web::BackOfficeLink> LearningModule::back_office_links() const {
  return {{40, "Cuộc thi", "/quan-tri/cuoc-thi", web::needs(perm::manage_contests)},
          {41, "Ngân hàng câu hỏi", "/quan-tri/cau-hoi", web::needs(perm::write_questions)},
          {42, "Khóa học", "/quan-tri/khoa-hoc", web::needs(perm::manage_courses)}};
}

std::vector<web::Duty> LearningModule::duties() {
  // Attempts whose deadline passed without a submission are closed and scored as saved.
  return {{"contest-expiry", std::chrono::seconds(30), [this](std::int64_t now) { contests_->expire_overdue(now * 1000); }}};
}

std::vector<web::BackupTable> LearningModule::tables() {
  return {"bank_questions", "bank_choices",         "bank_question_articles", "contests",         "contest_rounds",
          "contest_quotas", "contest_participants", "contest_attempts",       "attempt_questions",
          "courses",        "course_units",         "course_lessons",         "enrolments",       "lesson_progress",
          "quiz_questions", "certificates"};
}

std::vector<web::FigureSource> LearningModule::figure_sources() const {
  return {{"learning.contest_participants", "người dự thi trực tuyến thuộc đơn vị",
           [](db::Connection& c, std::int64_t from, std::int64_t to) { return ContestRepository(c).participants_by_unit(from, to); }},
          {"learning.course_completions", "lượt hoàn thành khóa học của người thuộc đơn vị",
           [](db::Connection& c, std::int64_t from, std::int64_t to) { return CourseRepository(c).completions_by_unit(from, to); }}};
}

}  // namespace learning
