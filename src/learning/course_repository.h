#pragma once
// All SQL of courses: courses with their lessons and units, enrolments and their progress, the
// quizzes' drawn questions, and the figures of the reports.
#include "db/database.h"
#include "learning/course_model.h"

#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learning {

class CourseRepository {
 public:
  explicit CourseRepository(db::Connection& c) : c_(c) {}
  // Courses completed in [from, to), by the learner's unit: a figure of the PBGDPL reports.
  std::map<std::string, std::int64_t> completions_by_unit(std::int64_t from, std::int64_t to);

  std::vector<std::string> slugs_starting(const std::string& base);
  std::int64_t insert_course(const Course& course, std::optional<std::int64_t> created_by, std::int64_t now);
  std::optional<Course> find_course(std::int64_t id);
  std::optional<Course> find_course_by_slug(const std::string& slug);
  // Every course with its lessons, newest first.
  std::vector<Course> courses();

  std::optional<Enrolment> enrolment(std::int64_t course_id, std::int64_t user_id);
  // Nothing when the person is enrolled already.
  std::optional<std::int64_t> insert_enrolment(std::int64_t course_id, std::int64_t user_id, const std::string& unit_code,
                                               std::int64_t now);
  void mark_done(std::int64_t enrolment_id, std::int64_t lesson_id, std::optional<int> score_percent, std::int64_t now);
  // Sets completed_at once; false when it was set already.
  bool complete(std::int64_t enrolment_id, std::int64_t now);
  // The person's enrolments, newest first.
  std::vector<Enrolment> enrolments_of(std::int64_t user_id);

  void replace_quiz(std::int64_t enrolment_id, std::int64_t lesson_id, const std::vector<std::int64_t>& question_ids);
  std::vector<std::int64_t> quiz_question_ids(std::int64_t enrolment_id, std::int64_t lesson_id);

  std::vector<CourseUnitRow> unit_rows(std::int64_t course_id);
  std::vector<CourseLearner> learners(std::int64_t course_id, int limit);
  std::vector<CompletedCourse> completed_courses(std::int64_t user_id);

 private:
  void load_parts(Course& course);
  void load_progress(Enrolment& e);
  db::Connection& c_;
};

}  // namespace learning
