#pragma once
// The courses' rules that need no database: a course definition's JSON form
// (`phobien create-course`) and its validity, who may enrol, and a quiz's pass mark.
#include "core/error.h"
#include "learning/course_model.h"

#include <map>
#include <string>
#include <string_view>

namespace learning {

// A lesson's article as the definition cites it ("Điều 20 Luật Cư trú"), resolved in the library
// by the service.
struct LessonSource {
  Lesson lesson;
  std::string citation;  // article lessons
};

struct CourseDefinition {
  Course course;  // lessons filled but for articles' document_id
  std::vector<LessonSource> lessons;
};

// {"title", "summary", "audience": "public" | "staff", "units": ["01", …],
//  "lessons": [{"title", "text"} | {"title", "article": "Điều 20 Luật Cư trú", "text"?}
//              | {"title", "pdf": "https://…", "text"?} | {"title", "video": "https://…", "text"?}
//              | {"title", "quiz": {"count", "tag"?, "law"?, "pass_percent"?}}]}
// Structure only; course_problems checks the values.
core::Result<CourseDefinition> parse_course_definition(std::string_view json);

// Field → Vietnamese message for what is wrong: title (5–200 characters), summary, 1 to 50
// lessons each with a title, texts within limits, links that are https addresses, quizzes of 1
// to 50 questions with a pass mark of 1 to 100 %. Empty when valid.
std::map<std::string, std::string> course_problems(const CourseDefinition& d);

// Staff courses are for every role but citizen; public ones for everyone signed in.
bool may_enrol(CourseAudience audience, bool is_staff);

// The quiz's score in whole percent (rounded down), and whether it reaches the pass mark.
int percent_of(int correct, int total);

}  // namespace learning
