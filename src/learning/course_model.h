#pragma once
// Courses on the law and for PBGDPL staff (khóa học): lessons in order, each a text, a library
// article, a PDF or a video link, or a quiz drawn from the published question bank. A course is
// public (any signed-in citizen) or for staff (any role but citizen), who may be assigned by unit.
// An enrolment keeps a person's unit and their progress; when every lesson is done (a quiz:
// passed) the course is complete and a certificate is issued.
#include "learning/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learning {

enum class CourseAudience { citizens, staff };
std::string_view audience_slug(CourseAudience a);  // "public", "staff"
std::string_view audience_label(CourseAudience a);
std::optional<CourseAudience> parse_audience(std::string_view slug);

enum class LessonKind { text, article, pdf, video, quiz };
std::string_view lesson_kind_slug(LessonKind k);
std::string_view lesson_kind_label(LessonKind k);
std::optional<LessonKind> parse_lesson_kind(std::string_view slug);

struct Lesson {
  std::int64_t id = 0;
  int position = 1;  // 1-based
  std::string title;
  LessonKind kind = LessonKind::text;
  std::string body;  // Markdown: the lesson (text), or a note beside the article, PDF or video
  std::string url;   // pdf, video: an https address
  std::int64_t document_id = 0;  // article: the library document and the article's number
  std::string article;
  int quiz_count = 0;  // quiz: questions drawn, by tag and law ("" any), and the score to pass
  std::string quiz_tag;
  std::string quiz_law;
  int pass_percent = 0;
};

struct Course {
  std::int64_t id = 0;
  std::string slug;
  std::string title;
  std::string summary;
  CourseAudience audience = CourseAudience::citizens;
  std::vector<std::string> unit_codes;  // staff courses: the units assigned (empty: all staff)
  std::vector<Lesson> lessons;
};

struct Enrolment {
  std::int64_t id = 0;
  std::int64_t course_id = 0;
  std::int64_t user_id = 0;
  std::string unit_code;
  std::int64_t enrolled_at = 0;
  std::optional<std::int64_t> completed_at;
  std::vector<std::int64_t> lessons_done;  // lesson ids
  bool done(std::int64_t lesson_id) const;
};

// A quiz question as the learner sees it before answering (no answer key).
struct QuizQuestion {
  int position = 0;
  std::int64_t question_id = 0;
  QuestionKind kind = QuestionKind::single;
  std::string text;
  std::vector<Choice> choices;  // `correct` false
};

// A quiz answered: the score, and each question with its key and explanation.
struct QuizResult {
  int correct = 0;
  int total = 0;
  int percent = 0;
  bool passed = false;
  bool course_completed = false;
  struct Marked {
    BankQuestion question;
    std::vector<std::string> answer;
    bool right = false;
    bool withheld = false;  // an open contest may draw it: no key or explanation shown
  };
  std::vector<Marked> questions;
};

// A person's figures per unit for a course's report.
struct CourseUnitRow {
  std::string unit_code;
  std::string unit_name;
  std::int64_t enrolled = 0;
  std::int64_t completed = 0;
};

// One person in a course's report.
struct CourseLearner {
  std::string name;
  std::string email;
  std::string unit_name;
  std::int64_t enrolled_at = 0;
  std::optional<std::int64_t> completed_at;
  int lessons_done = 0;
};

// A course a person finished, for their record of trainings.
struct CompletedCourse {
  std::string course_title;
  std::string course_slug;
  std::int64_t completed_at = 0;
  std::string certificate_code;
};

}  // namespace learning
