#pragma once
// The courses in the back office (/quan-tri/khoa-hoc, admin, editor, reporter): each course's
// enrolments and completions, by province and by person, as a page and as CSV or XLSX.
// Courses are created with `phobien create-course` (README).
#include "learning/courses.h"
#include "web/site.h"

namespace learning {

void register_course_admin_routes(web::Site& site, CourseService& courses);

}  // namespace learning
