#include "learning/course_repository.h"

#include "db/rows.h"

namespace learning {

namespace {

constexpr const char* kCourseColumns = "SELECT id, slug, title, summary, audience FROM courses ";

Course course_from_row(const db::Row& r) {
  Course c;
  std::string audience;
  db::read_row(r, c.id, c.slug, c.title, c.summary, audience);
  c.audience = parse_audience(audience).value_or(CourseAudience::citizens);
  return c;
}

constexpr const char* kEnrolmentColumns = "SELECT id, course_id, user_id, unit_code, enrolled_at, completed_at FROM enrolments ";

}  // namespace

std::vector<std::string> CourseRepository::slugs_starting(const std::string& base) {
  // Slugs are [a-z0-9-] (core::slugify): nothing in `base` is a LIKE wildcard.
  return db::map_rows(c_.query("SELECT slug FROM courses WHERE slug = ? OR slug LIKE ?", {base, base + "-%"}),
                      [](const db::Row& r) { return r.text(0); });
}

std::int64_t CourseRepository::insert_course(const Course& course, std::optional<std::int64_t> created_by, std::int64_t now) {
  const auto id = c_.query_int(
      "INSERT INTO courses (slug, title, summary, audience, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {course.slug, course.title, course.summary, std::string(audience_slug(course.audience)), db::opt(created_by), now});
  for (const auto& unit : course.unit_codes)
    c_.execute("INSERT INTO course_units (course_id, unit_code) VALUES (?, ?) ON CONFLICT DO NOTHING", {id, unit});
  for (const auto& l : course.lessons)
    c_.execute("INSERT INTO course_lessons (course_id, position, title, kind, body, url, document_id, article, quiz_count, quiz_tag, "
               "quiz_law, pass_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {id, std::int64_t(l.position), l.title, std::string(lesson_kind_slug(l.kind)), l.body, l.url,
                l.document_id ? db::Value(l.document_id) : db::Value(db::Null{}), l.article, std::int64_t(l.quiz_count), l.quiz_tag,
                l.quiz_law, std::int64_t(l.pass_percent)});
  return id;
}

void CourseRepository::load_parts(Course& course) {
  course.unit_codes = db::map_rows(c_.query("SELECT unit_code FROM course_units WHERE course_id = ? ORDER BY unit_code", {course.id}),
                                   [](const db::Row& r) { return r.text(0); });
  course.lessons = db::map_rows(
      c_.query("SELECT id, position, title, kind, body, url, COALESCE(document_id, 0), article, quiz_count, quiz_tag, quiz_law, "
               "pass_percent "
               "FROM course_lessons WHERE course_id = ? ORDER BY position",
               {course.id}),
      [](const db::Row& r) {
        Lesson l;
        std::string kind;
        db::read_row(r, l.id, l.position, l.title, kind, l.body, l.url, l.document_id, l.article, l.quiz_count, l.quiz_tag,
                     l.quiz_law, l.pass_percent);
        l.kind = parse_lesson_kind(kind).value_or(LessonKind::text);
        return l;
      });
}

std::optional<Course> CourseRepository::find_course(std::int64_t id) {
  auto c = db::map_row(c_.query_one(std::string(kCourseColumns) + "WHERE id = ?", {id}), course_from_row);
  if (c) load_parts(*c);
  return c;
}

std::optional<Course> CourseRepository::find_course_by_slug(const std::string& slug) {
  auto c = db::map_row(c_.query_one(std::string(kCourseColumns) + "WHERE slug = ?", {slug}), course_from_row);
  if (c) load_parts(*c);
  return c;
}

std::vector<Course> CourseRepository::courses() {
  auto list = db::map_rows(c_.query(std::string(kCourseColumns) + "ORDER BY id DESC"), course_from_row);
  for (auto& c : list) load_parts(c);
  return list;
}

namespace {
Enrolment enrolment_from_row(const db::Row& r) {
  Enrolment e;
  db::read_row(r, e.id, e.course_id, e.user_id, e.unit_code, e.enrolled_at, e.completed_at);
  return e;
}
}  // namespace

std::optional<Enrolment> CourseRepository::enrolment(std::int64_t course_id, std::int64_t user_id) {
  auto e = db::map_row(c_.query_one(std::string(kEnrolmentColumns) + "WHERE course_id = ? AND user_id = ?", {course_id, user_id}),
                       enrolment_from_row);
  if (e) load_progress(*e);
  return e;
}

void CourseRepository::load_progress(Enrolment& e) {
  e.lessons_done = db::map_rows(c_.query("SELECT lesson_id FROM lesson_progress WHERE enrolment_id = ?", {e.id}),
                                [](const db::Row& r) { return r.int64(0); });
}

std::optional<std::int64_t> CourseRepository::insert_enrolment(std::int64_t course_id, std::int64_t user_id, const std::string& unit_code,
                                                              std::int64_t now) {
  auto row = c_.query_one(
      "INSERT INTO enrolments (course_id, user_id, unit_code, enrolled_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (course_id, user_id) DO NOTHING RETURNING id",
      {course_id, user_id, unit_code, now});
  if (!row) return std::nullopt;
  return row->int64(0);
}

void CourseRepository::mark_done(std::int64_t enrolment_id, std::int64_t lesson_id, std::optional<int> score_percent, std::int64_t now) {
  db::Value score = score_percent ? db::Value(std::int64_t(*score_percent)) : db::Value(db::Null{});
  c_.execute("INSERT INTO lesson_progress (enrolment_id, lesson_id, completed_at, score_percent) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (enrolment_id, lesson_id) DO UPDATE SET score_percent = excluded.score_percent "
             "WHERE excluded.score_percent > COALESCE(lesson_progress.score_percent, -1)",
             {enrolment_id, lesson_id, now, score});
}

bool CourseRepository::complete(std::int64_t enrolment_id, std::int64_t now) {
  return c_.execute("UPDATE enrolments SET completed_at = ? WHERE id = ? AND completed_at IS NULL", {now, enrolment_id}) > 0;
}

std::vector<Enrolment> CourseRepository::enrolments_of(std::int64_t user_id) {
  auto list = db::map_rows(c_.query(std::string(kEnrolmentColumns) + "WHERE user_id = ? ORDER BY id DESC", {user_id}), enrolment_from_row);
  for (auto& e : list) load_progress(e);
  return list;
}

void CourseRepository::replace_quiz(std::int64_t enrolment_id, std::int64_t lesson_id, const std::vector<std::int64_t>& question_ids) {
  c_.execute("DELETE FROM quiz_questions WHERE enrolment_id = ? AND lesson_id = ?", {enrolment_id, lesson_id});
  for (std::size_t i = 0; i < question_ids.size(); ++i)
    c_.execute("INSERT INTO quiz_questions (enrolment_id, lesson_id, position, question_id) VALUES (?, ?, ?, ?)",
               {enrolment_id, lesson_id, static_cast<std::int64_t>(i + 1), question_ids[i]});
}

std::vector<std::int64_t> CourseRepository::quiz_question_ids(std::int64_t enrolment_id, std::int64_t lesson_id) {
  return db::map_rows(c_.query("SELECT question_id FROM quiz_questions WHERE enrolment_id = ? AND lesson_id = ? ORDER BY position",
                               {enrolment_id, lesson_id}),
                      [](const db::Row& r) { return r.int64(0); });
}

std::vector<CourseUnitRow> CourseRepository::unit_rows(std::int64_t course_id) {
  // A commune counts for its province; a province's own code and its agencies for the province.
  return db::map_rows(
      c_.query("SELECT COALESCE(p.code, u.code), COALESCE(p.name, u.name), COUNT(*), COUNT(e.completed_at) FROM enrolments e "
               "JOIN admin_units u ON u.code = e.unit_code LEFT JOIN admin_units p ON p.code = u.parent_code "
               "WHERE e.course_id = ? GROUP BY COALESCE(p.code, u.code), COALESCE(p.name, u.name) ORDER BY 1",
               {course_id}),
      db::into<CourseUnitRow>(&CourseUnitRow::unit_code, &CourseUnitRow::unit_name, &CourseUnitRow::enrolled, &CourseUnitRow::completed));
}

std::vector<CourseLearner> CourseRepository::learners(std::int64_t course_id, int limit) {
  return db::map_rows(
      c_.query("SELECT us.display_name, us.email, u.name, e.enrolled_at, e.completed_at, "
               "(SELECT COUNT(*) FROM lesson_progress lp WHERE lp.enrolment_id = e.id) FROM enrolments e "
               "JOIN users us ON us.id = e.user_id JOIN admin_units u ON u.code = e.unit_code "
               "WHERE e.course_id = ? ORDER BY e.completed_at IS NULL, e.completed_at, e.id LIMIT ?",
               {course_id, std::int64_t(limit)}),
      db::into<CourseLearner>(&CourseLearner::name, &CourseLearner::email, &CourseLearner::unit_name, &CourseLearner::enrolled_at,
                              &CourseLearner::completed_at, &CourseLearner::lessons_done));
}

std::vector<CompletedCourse> CourseRepository::completed_courses(std::int64_t user_id) {
  return db::map_rows(
      c_.query("SELECT c.title, c.slug, e.completed_at, COALESCE(cert.code, '') FROM enrolments e JOIN courses c ON c.id = e.course_id "
               "LEFT JOIN certificates cert ON cert.enrolment_id = e.id WHERE e.user_id = ? AND e.completed_at IS NOT NULL "
               "ORDER BY e.completed_at DESC",
               {user_id}),
      db::into<CompletedCourse>(&CompletedCourse::course_title, &CompletedCourse::course_slug, &CompletedCourse::completed_at,
                                &CompletedCourse::certificate_code));
}

std::map<std::string, std::int64_t> CourseRepository::completions_by_unit(std::int64_t from, std::int64_t to) {
  std::map<std::string, std::int64_t> out;
  for (const auto& r : c_.query("SELECT unit_code, COUNT(*) FROM enrolments WHERE completed_at >= ? AND completed_at < ? GROUP BY unit_code", {from, to}))
    out[r.text(0)] = r.int64(1);
  return out;
}

}  // namespace learning
