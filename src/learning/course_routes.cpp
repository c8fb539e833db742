#include "learning/course_routes.h"

#include "core/time.h"
#include "learning/certificate_views.h"
#include "learning/course_views.h"
#include "library/views.h"
#include "web/markdown.h"
#include "web/params.h"

#include <memory>

namespace learning {

namespace {

struct CoursePages {
  web::Site& site;
  CourseService& courses;
  units::UnitRegistry& units;
  library::LibraryService& library;
};

// The units a person may enrol under: the course's own, or every province.
nlohmann::json unit_options(CoursePages& d, const Course& c) {
  nlohmann::json out = nlohmann::json::array();
  if (!c.unit_codes.empty()) {
    for (const auto& code : c.unit_codes) out.push_back({{"code", code}, {"name", d.units.full_name(code)}});
    return out;
  }
  for (const auto& u : d.units.provinces()) out.push_back({{"code", u.code}, {"name", u.name}});
  return out;
}

http::Response course_page(CoursePages& d, web::Visitor& v, const Course& c, const nlohmann::json& extra, int status) {
  auto enrolment = v.user ? d.courses.enrolment(c, *v.user) : std::nullopt;
  auto view = d.site.base_view(v, c.title);
  view["course"] = course_page_view(c, enrolment);
  view["signed_in"] = v.user.has_value();
  const bool allowed = v.user && may_enrol(c.audience, is_staff(*v.user));
  view["may_enrol"] = allowed;
  if (allowed && !enrolment) view["units"] = unit_options(d, c);
  if (enrolment && enrolment->completed_at)
    if (auto cert = d.courses.certificate(*enrolment)) view["certificate_url"] = certificate_url(*cert);
  if (!enrolment) view["login_url"] = "/dang-nhap?tiep=" + http::percent_encode(course_url(c));
  view.update(extra);
  return web::private_page(d.site.page("learning/course", view, status));
}

// The course of the URL and the visitor's enrolment, or the page to send instead.
struct Enrolled {
  Course course;
  Enrolment enrolment;
  int position = 0;
};
std::variant<Enrolled, http::Response> enrolled(CoursePages& d, http::Request& r, web::Visitor& v) {
  auto course = d.courses.find_by_slug(r.params["slug"]);
  auto position = web::parse_id(r.params["n"]);
  if (!course || !position || *position > static_cast<std::int64_t>(course->lessons.size())) return d.site.not_found_page(v);
  auto enrolment = d.courses.enrolment(*course, *v.user);
  if (!enrolment) return web::private_page(http::Response::redirect(course_url(*course) + "?can-dang-ky"));
  return Enrolled{std::move(*course), std::move(*enrolment), static_cast<int>(*position)};
}

// What an article lesson shows: the article's text from the library, linked to its page.
void add_article(CoursePages& d, nlohmann::json& view, const Lesson& l) {
  auto doc = d.library.document(l.document_id);
  if (!doc) return;
  auto nodes = d.library.nodes(doc->id);
  for (const auto& n : nodes) {
    if (n.kind != library::NodeKind::article || n.number != l.article) continue;
    std::vector<const library::StoredNode*> parts;
    std::vector<std::int64_t> within = {n.id};
    for (const auto& m : nodes)
      if (m.parent_id && std::find(within.begin(), within.end(), *m.parent_id) != within.end()) {
        parts.push_back(&m);
        within.push_back(m.id);
      }
    view["article"] = {{"heading", "Điều " + n.number + (n.title.empty() ? "" : ". " + n.title)},
                       {"document", doc->meta.title},
                       {"url", library::article_url(*doc, n.anchor)},
                       {"html", library::article_html(n, parts, "", *d.library.link_table(), doc->slug)}};
    return;
  }
}

http::Response lesson_page(CoursePages& d, web::Visitor& v, const Enrolled& e, const nlohmann::json& extra, int status) {
  const Course& c = e.course;
  const Lesson& l = c.lessons[e.position - 1];
  auto view = d.site.base_view(v, l.title + " – " + c.title);
  view["course"] = course_page_view(c, e.enrolment);
  view["lesson"] = {{"position", l.position},
                    {"title", l.title},
                    {"kind", std::string(lesson_kind_label(l.kind))},
                    {"html", l.body.empty() ? "" : web::markdown_to_html(l.body)},
                    {"url", l.url},
                    {"is_pdf", l.kind == LessonKind::pdf},
                    {"is_video", l.kind == LessonKind::video},
                    {"is_quiz", l.kind == LessonKind::quiz},
                    {"quiz_count", l.quiz_count},
                    {"pass_percent", l.pass_percent},
                    {"done", e.enrolment.done(l.id)},
                    {"action", lesson_url(c, l.position)}};
  if (l.kind == LessonKind::article) add_article(d, view, l);
  if (l.kind == LessonKind::quiz && !extra.contains("result"))
    if (auto q = d.courses.quiz(c, *v.user, l.position); q && !q->empty()) {
      view["quiz"] = quiz_view(*q);
      view["has_quiz"] = true;
    }
  if (e.position > 1) view["previous_url"] = lesson_url(c, e.position - 1);
  if (e.position < static_cast<int>(c.lessons.size())) view["next_url"] = lesson_url(c, e.position + 1);
  view.update(extra);
  return web::private_page(d.site.page("learning/lesson", view, status));
}

// The answers of the quiz form: "q<id>" → the labels ticked.
std::map<std::int64_t, std::vector<std::string>> quiz_answers(const http::Form& f) {
  std::map<std::int64_t, std::vector<std::string>> out;
  for (const auto& [name, value] : f.fields)
    if (name.size() > 1 && name[0] == 'q' && value.size() <= 16)
      if (auto id = web::parse_id(name.substr(1))) out[*id].push_back(value);
  return out;
}

http::Response post_lesson_step(CoursePages& d, http::Request& r, web::Visitor& v, const std::string& step) {
  auto found = enrolled(d, r, v);
  if (auto* page = std::get_if<http::Response>(&found)) return std::move(*page);
  auto& e = std::get<Enrolled>(found);
  const auto now = core::now_unix();
  if (step == "hoan-thanh") {
    auto done = d.courses.complete_lesson(e.course, *v.user, e.position, now);
    if (!done) return lesson_page(d, v, e, {{"error", done.error().message}}, core::http_status(done.error().kind));
    if (done->completed_at) return web::private_page(http::Response::redirect(course_url(e.course) + "?hoan-thanh"));
    const bool last = e.position == static_cast<int>(e.course.lessons.size());
    return web::private_page(http::Response::redirect(last ? course_url(e.course) : lesson_url(e.course, e.position + 1)));
  }
  if (step == "bat-dau") {
    auto started = d.courses.start_quiz(e.course, *v.user, e.position);
    if (!started) return lesson_page(d, v, e, {{"error", started.error().message}}, core::http_status(started.error().kind));
    return web::private_page(http::Response::redirect(lesson_url(e.course, e.position)));
  }
  auto result = d.courses.submit_quiz(e.course, *v.user, e.position, quiz_answers(v.form), now);
  if (!result) return lesson_page(d, v, e, {{"error", result.error().message}}, core::http_status(result.error().kind));
  e.enrolment = *d.courses.enrolment(e.course, *v.user);
  return lesson_page(d, v, e, {{"result", quiz_result_view(*result, e.course.lessons[e.position - 1].pass_percent)}}, 200);
}

http::Response my_courses(CoursePages& d, web::Visitor& v) {
  auto view = d.site.base_view(v, "Khóa học của tôi");
  nlohmann::json current = nlohmann::json::array();
  for (const auto& [course, enrolment] : d.courses.courses_of(v.user->id))
    if (!enrolment->completed_at) current.push_back(course_page_view(course, enrolment));
  nlohmann::json finished = nlohmann::json::array();
  for (const auto& f : d.courses.completed_courses(v.user->id))
    finished.push_back({{"title", f.course_title},
                        {"url", "/khoa-hoc/" + f.course_slug},
                        {"completed", core::format_vn_date(f.completed_at)},
                        {"certificate_url", f.certificate_code.empty() ? "" : "/chung-nhan/" + f.certificate_code}});
  view["current"] = current;
  view["finished"] = finished;
  return web::private_page(d.site.page("learning/my_courses", view));
}

}  // namespace

void register_course_routes(web::Site& site, CourseService& courses, units::UnitRegistry& units, library::LibraryService& library) {
  auto d = std::make_shared<CoursePages>(CoursePages{site, courses, units, library});
  site.add(web::page("/khoa-hoc"), [d](http::Request&, web::Visitor& v) {
    auto view = d->site.base_view(v, "Khóa học pháp luật trực tuyến");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [course, enrolment] : d->courses.listed(v.user ? &*v.user : nullptr)) items.push_back(course_page_view(course, enrolment));
    view["courses"] = items;
    view["signed_in"] = v.user.has_value();
    return d->site.page("learning/courses", view);
  });
  site.add(web::page("/khoa-hoc/cua-toi", web::signed_in), [d](http::Request&, web::Visitor& v) { return my_courses(*d, v); });
  site.add(web::page("/khoa-hoc/{slug}"), [d](http::Request& r, web::Visitor& v) {
    auto course = d->courses.find_by_slug(r.params["slug"]);
    if (!course) return d->site.not_found_page(v);
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("hoan-thanh")) extra["notice"] = "Chúc mừng bạn đã hoàn thành khóa học!";
    if (r.query_param("can-dang-ky")) extra["notice"] = "Hãy đăng ký khóa học để học các bài.";
    return course_page(*d, v, *course, extra, 200);
  });
  site.add(web::form("/khoa-hoc/{slug}/dang-ky", web::signed_in).accepting(2 * 1024), [d](http::Request& r, web::Visitor& v) {
    auto course = d->courses.find_by_slug(r.params["slug"]);
    if (!course) return d->site.not_found_page(v);
    auto enrolled = d->courses.enrol(*course, *v.user, v.form.get("unit_code"), core::now_unix());
    if (!enrolled)
      return course_page(*d, v, *course, web::Site::refusal_view(enrolled.error()), core::http_status(enrolled.error().kind));
    return web::private_page(http::Response::redirect(lesson_url(*course, 1)));
  });
  site.add(web::page("/khoa-hoc/{slug}/bai/{n}", web::signed_in), [d](http::Request& r, web::Visitor& v) {
    auto found = enrolled(*d, r, v);
    if (auto* page = std::get_if<http::Response>(&found)) return std::move(*page);
    return lesson_page(*d, v, std::get<Enrolled>(found), nlohmann::json::object(), 200);
  });
  for (const std::string step : {"hoan-thanh", "bat-dau", "nop-bai"})
    site.add(web::form("/khoa-hoc/{slug}/bai/{n}/" + step, web::signed_in).accepting(16 * 1024),
             [d, step](http::Request& r, web::Visitor& v) { return post_lesson_step(*d, r, v, step); });
  site.add(web::api("GET", "/api/v1/courses"), [d](http::Request&, web::Visitor&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [course, enrolment] : d->courses.listed(nullptr)) items.push_back(course_json(course));
    return http::Response::json(nlohmann::json{{"total", items.size()}, {"items", items}}.dump());
  });
}

}  // namespace learning
