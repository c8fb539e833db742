#include "learning/course_admin_routes.h"

#include "core/spreadsheet.h"
#include "core/time.h"
#include "learning/course_views.h"
#include "learning/permissions.h"
#include "web/download.h"
#include "web/params.h"

namespace learning {

namespace {

constexpr int kShownLearners = 100;
constexpr int kExportedLearners = 1'000'000;

std::vector<core::Table> report_tables(const std::vector<CourseUnitRow>& units, const std::vector<CourseLearner>& learners) {
  core::Table by_unit{"Theo đơn vị", {"Mã", "Tỉnh, thành phố", "Đăng ký", "Hoàn thành"}, {}};
  for (const auto& u : units) by_unit.rows.push_back({u.unit_code, u.unit_name, u.enrolled, u.completed});
  core::Table people{"Học viên", {"Họ và tên", "Thư điện tử", "Đơn vị", "Đăng ký lúc", "Số bài đã học", "Hoàn thành lúc"}, {}};
  for (const auto& l : learners)
    people.rows.push_back({l.name, l.email, l.unit_name, core::format_vn_datetime(l.enrolled_at), std::int64_t(l.lessons_done),
                           l.completed_at ? core::Cell(core::format_vn_datetime(*l.completed_at)) : core::Cell()});
  return {by_unit, people};
}

}  // namespace

void register_course_admin_routes(web::Site& site, CourseService& courses) {
  const auto access = web::needs(perm::manage_courses);
  site.add(web::page("/quan-tri/khoa-hoc", access), [&site, &courses](http::Request&, web::Visitor& v) {
    auto view = site.base_view(v, "Khóa học");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : courses.all()) {
      auto item = course_page_view(c, std::nullopt);
      std::int64_t enrolled = 0, completed = 0;
      for (const auto& u : courses.unit_report(c)) {
        enrolled += u.enrolled;
        completed += u.completed;
      }
      item["admin_url"] = "/quan-tri/khoa-hoc/" + std::to_string(c.id);
      item["enrolled_total"] = enrolled;
      item["completed_total"] = completed;
      items.push_back(std::move(item));
    }
    view["courses"] = items;
    return site.page("learning/admin_courses", view);
  });
  auto serve = [&site, &courses](http::Request& r, web::Visitor& v, const std::string& extension) {
    auto id = web::parse_id(r.params["id"]);
    auto course = id ? courses.find(*id) : std::nullopt;
    if (!course) return site.not_found_page(v);
    const auto units = courses.unit_report(*course);
    const auto learners = courses.learners(*course, extension.empty() ? kShownLearners : kExportedLearners);
    const auto name = "bao-cao-khoa-hoc-" + course->slug;
    if (!extension.empty()) return web::tables_download(report_tables(units, learners), extension, name);
    auto view = site.base_view(v, "Báo cáo – " + course->title);
    view["course"] = course_page_view(*course, std::nullopt);
    nlohmann::json unit_rows = nlohmann::json::array(), people = nlohmann::json::array();
    for (const auto& u : units) unit_rows.push_back({{"code", u.unit_code}, {"name", u.unit_name}, {"enrolled", u.enrolled}, {"completed", u.completed}});
    for (const auto& l : learners)
      people.push_back({{"name", l.name}, {"unit", l.unit_name}, {"lessons_done", l.lessons_done},
                        {"completed", l.completed_at ? core::format_vn_date(*l.completed_at) : ""}});
    view["units"] = unit_rows;
    view["people"] = people;
    view["shown"] = kShownLearners;
    const auto base = "/quan-tri/khoa-hoc/" + std::to_string(course->id);
    view["csv_url"] = base + "/bao-cao.csv";
    view["xlsx_url"] = base + "/bao-cao.xlsx";
    return site.page("learning/admin_course", view);
  };
  site.add(web::page("/quan-tri/khoa-hoc/{id}", access), [serve](http::Request& r, web::Visitor& v) { return serve(r, v, ""); });
  site.add(web::page("/quan-tri/khoa-hoc/{id}/bao-cao.csv", access), [serve](http::Request& r, web::Visitor& v) { return serve(r, v, "csv"); });
  site.add(web::page("/quan-tri/khoa-hoc/{id}/bao-cao.xlsx", access), [serve](http::Request& r, web::Visitor& v) { return serve(r, v, "xlsx"); });
}

}  // namespace learning
