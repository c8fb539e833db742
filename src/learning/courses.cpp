#include "learning/courses.h"

#include "core/utf8.h"
#include "learning/bank_repository.h"
#include "learning/certificate_repository.h"
#include "learning/certificates.h"
#include "learning/contest_repository.h"
#include "learning/contest_rules.h"
#include "learning/course_repository.h"
#include "learning/question_draw.h"
#include "library/citation_resolver.h"

#include <fmt/format.h>

#include <algorithm>

namespace learning {

namespace {

core::ServiceError not_enrolled() { return core::ServiceError::conflict("Bạn chưa đăng ký khóa học này."); }

const Lesson* lesson_at(const Course& course, int position) {
  for (const auto& l : course.lessons)
    if (l.position == position) return &l;
  return nullptr;
}

QuizQuestion without_key(const BankQuestion& q, int position) {
  QuizQuestion out{position, q.id, q.kind, q.text, q.choices};
  for (auto& c : out.choices) c.correct = false;
  return out;
}

// The quiz lesson at `position` and the person's enrolment, or why there is none.
struct QuizContext {
  const Lesson* lesson = nullptr;
  Enrolment enrolment;
};
core::Result<QuizContext> quiz_context(CourseRepository& repo, const Course& course, const auth::User& user, int position) {
  const Lesson* lesson = lesson_at(course, position);
  if (!lesson || lesson->kind != LessonKind::quiz) return core::fail(core::ServiceError::not_found("Không có bài kiểm tra này."));
  auto e = repo.enrolment(course.id, user.id);
  if (!e) return core::fail(not_enrolled());
  return QuizContext{lesson, std::move(*e)};
}

std::vector<QuizQuestion> quiz_of(db::Connection& c, const std::vector<std::int64_t>& ids) {
  std::vector<QuizQuestion> out;
  BankRepository bank(c);
  for (auto id : ids)
    if (auto q = bank.find(id)) out.push_back(without_key(*q, static_cast<int>(out.size()) + 1));
  return out;
}

}  // namespace

bool is_staff(const auth::User& user) { return user.role != auth::Role::citizen; }

core::Result<Course> CourseService::create(CourseDefinition d, const auth::Actor& actor, std::int64_t now) {
  auto problems = course_problems(d);
  for (const auto& code : d.course.unit_codes)
    if (!units_.find(code)) problems.emplace("units", fmt::format("Không có đơn vị mã «{}».", code));
  auto links = library_.link_table();
  auto c = database_.acquire();
  db::Transaction tx(*c);
  for (std::size_t i = 0; i < d.lessons.size(); ++i) {
    if (d.course.lessons[i].kind != LessonKind::article) continue;
    auto cited = library::resolve_citations(d.lessons[i].citation, *links, *c);
    if (!cited || cited->size() != 1) {
      problems.emplace(fmt::format("lessons.{}", i + 1),
                       fmt::format("Không tìm thấy «{}» trong tủ sách pháp luật.", d.lessons[i].citation));
      continue;
    }
    d.course.lessons[i].document_id = cited->front().document_id;
    d.course.lessons[i].article = cited->front().article;
  }
  if (!problems.empty()) return core::fail(core::ServiceError::invalid("Khóa học chưa hợp lệ.", std::move(problems)));
  CourseRepository repo(*c);
  d.course.slug = core::first_free_slug(core::slugify(d.course.title, 80), repo.slugs_starting(core::slugify(d.course.title, 80)));
  d.course.id = repo.insert_course(d.course, actor.user_id, now);
  auth::record_audit(*c, actor, "course.create", "course:" + std::to_string(d.course.id), d.course.title);
  tx.commit();
  return *CourseRepository(*c).find_course(d.course.id);
}

std::optional<Course> CourseService::find(std::int64_t id) { return CourseRepository(*database_.acquire()).find_course(id); }

std::optional<Course> CourseService::find_by_slug(const std::string& slug) {
  return CourseRepository(*database_.acquire()).find_course_by_slug(slug);
}

std::vector<Course> CourseService::all() { return CourseRepository(*database_.acquire()).courses(); }

std::vector<CourseWithProgress> CourseService::listed(const auth::User* user) {
  auto c = database_.acquire();
  CourseRepository repo(*c);
  std::vector<CourseWithProgress> out;
  for (auto& course : repo.courses()) {
    if (!may_enrol(course.audience, user && is_staff(*user))) continue;
    auto e = user ? repo.enrolment(course.id, user->id) : std::nullopt;
    out.push_back({std::move(course), std::move(e)});
  }
  return out;
}

std::optional<Enrolment> CourseService::enrolment(const Course& course, const auth::User& user) {
  return CourseRepository(*database_.acquire()).enrolment(course.id, user.id);
}

core::Result<Enrolment> CourseService::enrol(const Course& course, const auth::User& user, const std::string& unit_code,
                                             std::int64_t now) {
  if (!may_enrol(course.audience, is_staff(user)))
    return core::fail(core::ServiceError::forbidden("Khóa học này dành cho cán bộ làm công tác phổ biến, giáo dục pháp luật."));
  auto unit = unit_code.size() <= 16 ? units_.find(unit_code) : std::nullopt;
  if (!unit) return core::fail(core::ServiceError::invalid("Hãy chọn đơn vị của bạn.", {{"unit_code", "Hãy chọn đơn vị của bạn."}}));
  const auto& assigned = course.unit_codes;
  if (!assigned.empty() && std::find(assigned.begin(), assigned.end(), unit->code) == assigned.end() &&
      std::find(assigned.begin(), assigned.end(), unit->parent_code) == assigned.end())
    return core::fail(core::ServiceError::invalid("Khóa học này được giao cho đơn vị khác.",
                                                  {{"unit_code", "Khóa học này được giao cho đơn vị khác."}}));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  CourseRepository repo(*c);
  if (repo.insert_enrolment(course.id, user.id, unit->code, now))
    auth::record_audit(*c, {user.id, ""}, "course.enrol", "course:" + std::to_string(course.id), unit->code);
  tx.commit();
  return *repo.enrolment(course.id, user.id);
}

void CourseService::finish_if_complete(db::Connection& c, const Course& course, const auth::User& user, Enrolment& e,
                                       std::int64_t now) {
  CourseRepository repo(c);
  e = *repo.enrolment(course.id, user.id);
  const bool all_done = std::all_of(course.lessons.begin(), course.lessons.end(), [&](const Lesson& l) { return e.done(l.id); });
  if (!all_done || !repo.complete(e.id, now)) return;
  e.completed_at = now;
  Certificate cert;
  cert.holder_name = user.display_name;
  cert.holder_detail = units::UnitRegistry::full_name(c, e.unit_code);
  cert.title = "khóa học «" + course.title + "»";
  cert.achievement = fmt::format("đã hoàn thành {} bài học", course.lessons.size());
  cert.subject_url = "/khoa-hoc/" + course.slug;
  cert.issued_at = now;
  CertificateRepository certificates(c);
  store_certificate(certificates, std::move(cert), std::nullopt, e.id);
  auth::record_audit(c, {user.id, ""}, "course.complete", "course:" + std::to_string(course.id), "");
}

core::Result<Enrolment> CourseService::complete_lesson(const Course& course, const auth::User& user, int position, std::int64_t now) {
  const Lesson* lesson = lesson_at(course, position);
  if (!lesson) return core::fail(core::ServiceError::not_found("Không có bài học này."));
  if (lesson->kind == LessonKind::quiz)
    return core::fail(core::ServiceError::conflict("Bài kiểm tra được tính là hoàn thành khi bạn đạt điểm yêu cầu."));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  CourseRepository repo(*c);
  auto e = repo.enrolment(course.id, user.id);
  if (!e) return core::fail(not_enrolled());
  repo.mark_done(e->id, lesson->id, std::nullopt, now);
  finish_if_complete(*c, course, user, *e, now);
  tx.commit();
  return *e;
}

core::Result<std::vector<QuizQuestion>> CourseService::start_quiz(const Course& course, const auth::User& user, int position) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  CourseRepository repo(*c);
  auto quiz = quiz_context(repo, course, user, position);
  if (!quiz) return core::fail(quiz.error());
  const Lesson* lesson = quiz->lesson;
  ContestRepository pool(*c);
  auto drawn = draw_questions(pool, {Quota{lesson->quiz_tag, lesson->quiz_law, "", 0, lesson->quiz_count}});
  if (!drawn)
    return core::fail(core::ServiceError::unavailable("quiz_unavailable", "Ngân hàng câu hỏi chưa đủ câu cho bài kiểm tra này. Vui lòng quay lại sau."));
  repo.replace_quiz(quiz->enrolment.id, lesson->id, *drawn);
  auto questions = quiz_of(*c, *drawn);
  tx.commit();
  return questions;
}

core::Result<std::vector<QuizQuestion>> CourseService::quiz(const Course& course, const auth::User& user, int position) {
  auto c = database_.acquire();
  CourseRepository repo(*c);
  auto quiz = quiz_context(repo, course, user, position);
  if (!quiz) return core::fail(quiz.error());
  return quiz_of(*c, repo.quiz_question_ids(quiz->enrolment.id, quiz->lesson->id));
}

core::Result<QuizResult> CourseService::submit_quiz(const Course& course, const auth::User& user, int position,
                                                    const std::map<std::int64_t, std::vector<std::string>>& answers,
                                                    std::int64_t now) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  CourseRepository repo(*c);
  auto quiz = quiz_context(repo, course, user, position);
  if (!quiz) return core::fail(quiz.error());
  const Lesson* lesson = quiz->lesson;
  Enrolment& e = quiz->enrolment;
  const auto ids = repo.quiz_question_ids(e.id, lesson->id);
  if (ids.empty()) return core::fail(core::ServiceError::conflict("Hãy bắt đầu bài kiểm tra trước khi nộp."));
  QuizResult result;
  BankRepository bank(*c);
  for (auto id : ids) {
    auto q = bank.find(id);
    if (!q) continue;
    QuizResult::Marked marked{*q, {}, false};
    if (auto given = answers.find(id); given != answers.end())
      if (auto checked = checked_answer(given->second, q->kind, q->choices)) marked.answer = *checked;
    marked.right = !marked.answer.empty() && is_correct(marked.answer, q->choices);
    marked.withheld = exam_guard_ && exam_guard_->in_open_contest(q->text);
    if (marked.withheld) {
      for (auto& choice : marked.question.choices) choice.correct = false;
      marked.question.explanation.clear();
    }
    result.correct += marked.right ? 1 : 0;
    result.questions.push_back(std::move(marked));
  }
  result.total = static_cast<int>(result.questions.size());
  result.percent = percent_of(result.correct, result.total);
  result.passed = result.percent >= lesson->pass_percent;
  if (result.passed) {
    repo.mark_done(e.id, lesson->id, result.percent, now);
    const bool was_complete = e.completed_at.has_value();
    finish_if_complete(*c, course, user, e, now);
    result.course_completed = !was_complete && e.completed_at.has_value();
  }
  tx.commit();
  return result;
}

std::optional<Certificate> CourseService::certificate(const Enrolment& enrolment) {
  return CertificateRepository(*database_.acquire()).find_by_enrolment(enrolment.id);
}

std::vector<CompletedCourse> CourseService::completed_courses(std::int64_t user_id) {
  return CourseRepository(*database_.acquire()).completed_courses(user_id);
}

std::vector<CourseWithProgress> CourseService::courses_of(std::int64_t user_id) {
  auto c = database_.acquire();
  CourseRepository repo(*c);
  std::vector<CourseWithProgress> out;
  for (auto& e : repo.enrolments_of(user_id))
    if (auto course = repo.find_course(e.course_id)) out.push_back({std::move(*course), std::move(e)});
  return out;
}

std::vector<CourseUnitRow> CourseService::unit_report(const Course& course) {
  return CourseRepository(*database_.acquire()).unit_rows(course.id);
}

std::vector<CourseLearner> CourseService::learners(const Course& course, int limit) {
  return CourseRepository(*database_.acquire()).learners(course.id, limit);
}

}  // namespace learning
