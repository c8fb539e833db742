#include "learning/course_views.h"

#include "learning/contest_rules.h"

#include <algorithm>

namespace learning {

std::string course_url(const Course& c) { return "/khoa-hoc/" + c.slug; }
std::string lesson_url(const Course& c, int position) { return course_url(c) + "/bai/" + std::to_string(position); }

nlohmann::json course_page_view(const Course& c, const std::optional<Enrolment>& enrolment) {
  nlohmann::json lessons = nlohmann::json::array();
  int done = 0;
  for (const auto& l : c.lessons) {
    const bool is_done = enrolment && enrolment->done(l.id);
    done += is_done ? 1 : 0;
    lessons.push_back({{"position", l.position}, {"title", l.title}, {"kind", std::string(lesson_kind_label(l.kind))},
                       {"url", lesson_url(c, l.position)}, {"done", is_done}});
  }
  return {{"title", c.title},
          {"summary", c.summary},
          {"url", course_url(c)},
          {"audience", std::string(audience_label(c.audience))},
          {"for_staff", c.audience == CourseAudience::staff},
          {"lessons", lessons},
          {"lesson_count", c.lessons.size()},
          {"enrolled", enrolment.has_value()},
          {"done_count", done},
          {"completed", enrolment && enrolment->completed_at.has_value()},
          {"percent", c.lessons.empty() ? 0 : done * 100 / static_cast<int>(c.lessons.size())}};
}

nlohmann::json course_json(const Course& c) {
  nlohmann::json lessons = nlohmann::json::array();
  for (const auto& l : c.lessons)
    lessons.push_back({{"position", l.position}, {"title", l.title}, {"kind", std::string(lesson_kind_slug(l.kind))}});
  return {{"id", std::to_string(c.id)}, {"slug", c.slug},         {"title", c.title}, {"summary", c.summary},
          {"audience", std::string(audience_slug(c.audience))}, {"lessons", lessons}, {"url", course_url(c)}};
}

namespace {
nlohmann::json choices_view(const std::vector<Choice>& choices, const std::vector<std::string>& answer, bool show_key) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& ch : choices)
    out.push_back({{"label", ch.label},
                   {"text", ch.text},
                   {"chosen", std::find(answer.begin(), answer.end(), ch.label) != answer.end()},
                   {"correct", show_key && ch.correct}});
  return out;
}
}  // namespace

nlohmann::json quiz_view(const std::vector<QuizQuestion>& questions) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& q : questions)
    out.push_back({{"position", q.position},
                   {"id", std::to_string(q.question_id)},
                   {"text", q.text},
                   {"multiple", q.kind == QuestionKind::multiple},
                   {"kind", std::string(kind_label(q.kind))},
                   {"choices", choices_view(q.choices, {}, false)}});
  return out;
}

nlohmann::json quiz_result_view(const QuizResult& result, int pass_percent) {
  nlohmann::json questions = nlohmann::json::array();
  int position = 0;
  for (const auto& m : result.questions)
    questions.push_back({{"position", ++position},
                         {"text", m.question.text},
                         {"right", m.right},
                         {"answered", !m.answer.empty()},
                         {"answer", join_answer(m.answer)},
                         {"key", join_answer([&] {
                            std::vector<std::string> key;
                            for (const auto& c : m.question.choices)
                              if (c.correct) key.push_back(c.label);
                            return key;
                          }())},
                         {"explanation", m.question.explanation},
                         {"withheld", m.withheld},
                         {"choices", choices_view(m.question.choices, m.answer, true)}});
  return {{"correct", result.correct},      {"total", result.total},       {"percent", result.percent},
          {"passed", result.passed},        {"pass_percent", pass_percent}, {"course_completed", result.course_completed},
          {"questions", questions}};
}

}  // namespace learning
