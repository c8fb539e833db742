#pragma once
// The courses' rules with the database: creating a course from its definition (articles resolved
// in the library), who sees and who may enrol in which course, a person's progress lesson by
// lesson, quizzes drawn from the published bank and scored, completion with its certificate, a
// person's record of finished courses, and the per-unit report. Times are passed in.
#include "answer/answer_service.h"
#include "auth/audit_log.h"
#include "auth/user.h"
#include "core/error.h"
#include "db/database.h"
#include "learning/certificate_model.h"
#include "learning/course_model.h"
#include "learning/course_rules.h"
#include "library/library_service.h"
#include "units/unit_registry.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace learning {

// Staff: every role but citizen.
bool is_staff(const auth::User& user);

// A course with the visitor's enrolment, for the lists.
struct CourseWithProgress {
  Course course;
  std::optional<Enrolment> enrolment;
};

class CourseService {
 public:
  // `exam_guard`: the answer key and explanation of a quiz question that an open contest round
  // may draw are not shown after the quiz (retrying a quiz must not collect a contest's key).
  CourseService(db::Database& database, units::UnitRegistry& units, library::LibraryService& library,
                const answer::ExamGuard* exam_guard = nullptr)
      : database_(database), units_(units), library_(library), exam_guard_(exam_guard) {}

  // Checks the definition (course_problems), the units and the articles; 400 with the fields.
  core::Result<Course> create(CourseDefinition d, const auth::Actor& actor, std::int64_t now);
  std::optional<Course> find(std::int64_t id);
  std::optional<Course> find_by_slug(const std::string& slug);
  // Public courses, and staff courses for staff; with `user`'s enrolments when signed in.
  std::vector<CourseWithProgress> listed(const auth::User* user);
  std::vector<Course> all();

  std::optional<Enrolment> enrolment(const Course& course, const auth::User& user);
  // 403 for a staff course and a citizen; 400 for an unknown unit, or one the course is not
  // assigned to; the same enrolment when enrolled already.
  core::Result<Enrolment> enrol(const Course& course, const auth::User& user, const std::string& unit_code, std::int64_t now);
  // Marks a text, article, PDF or video lesson done (quizzes are done by passing); completes the
  // course and issues its certificate after the last lesson. 409 when not enrolled.
  core::Result<Enrolment> complete_lesson(const Course& course, const auth::User& user, int position, std::int64_t now);

  // Draws the quiz's questions (again, for another try). 503 when the bank cannot fill it.
  core::Result<std::vector<QuizQuestion>> start_quiz(const Course& course, const auth::User& user, int position);
  // The questions drawn last, without the key; empty before the first draw.
  core::Result<std::vector<QuizQuestion>> quiz(const Course& course, const auth::User& user, int position);
  // Scores the answers (question id → labels; a question left out is wrong). Passed: the lesson
  // is done with its score, and the course completed after the last lesson.
  core::Result<QuizResult> submit_quiz(const Course& course, const auth::User& user, int position,
                                       const std::map<std::int64_t, std::vector<std::string>>& answers, std::int64_t now);

  std::optional<Certificate> certificate(const Enrolment& enrolment);
  // The person's record of trainings: the courses they finished, newest first.
  std::vector<CompletedCourse> completed_courses(std::int64_t user_id);
  std::vector<CourseWithProgress> courses_of(std::int64_t user_id);

  std::vector<CourseUnitRow> unit_report(const Course& course);
  std::vector<CourseLearner> learners(const Course& course, int limit);

 private:
  void finish_if_complete(db::Connection& c, const Course& course, const auth::User& user, Enrolment& enrolment,
                          std::int64_t now);
  db::Database& database_;
  units::UnitRegistry& units_;
  library::LibraryService& library_;
  const answer::ExamGuard* exam_guard_;
};

}  // namespace learning
