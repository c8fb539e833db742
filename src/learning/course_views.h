#pragma once
// Courses for the templates and the API.
#include "learning/courses.h"

#include <nlohmann/json.hpp>

#include <string>

namespace learning {

std::string course_url(const Course& c);
std::string lesson_url(const Course& c, int position);

// The course with its lessons (each marked done for `enrolment`), its audience and progress.
nlohmann::json course_page_view(const Course& c, const std::optional<Enrolment>& enrolment);
// The API's course: id, slug, title, summary, audience, lessons (position, title, kind), url.
nlohmann::json course_json(const Course& c);
// A quiz's questions as a form; the result with each question's key and explanation.
nlohmann::json quiz_view(const std::vector<QuizQuestion>& questions);
nlohmann::json quiz_result_view(const QuizResult& result, int pass_percent);

}  // namespace learning
