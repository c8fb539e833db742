#pragma once
// The courses' pages, without JavaScript and from a 360 px phone up: the list (/khoa-hoc), a
// course with its lessons and the enrolment form, one page a lesson (a text, a library article,
// a PDF or video link, or a quiz on one page, scored with each answer explained), and a person's
// courses with their certificates (/khoa-hoc/cua-toi). Learning needs an account; GET /api/v1/courses
// lists the public courses for programs.
#include "learning/courses.h"
#include "library/library_service.h"
#include "units/unit_registry.h"
#include "web/site.h"

namespace learning {

void register_course_routes(web::Site& site, CourseService& courses, units::UnitRegistry& units, library::LibraryService& library);

}  // namespace learning
