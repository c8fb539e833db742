#pragma once
// Commands for contests, courses and the units their participants and learners belong to.
#include "db/database.h"

#include <ostream>
#include <string>

namespace app {

// `phobien import-units FILE`: the national list of administrative units
// (../shared/data/admin-units/vn-units-2025.json), all or nothing. Returns 0, or 1 with every
// problem printed.
int import_units_file(db::Database& database, const std::string& path, std::ostream& out);

// `phobien create-contest FILE`: a contest from its JSON definition (learning::
// parse_contest_definition). Prints its address; returns 1 with the problems when it is invalid.
int create_contest_file(db::Database& database, const std::string& path, std::ostream& out);

// `phobien create-course FILE`: a course from its JSON definition (learning::
// parse_course_definition); its articles must be in the library. Prints its address; returns 1
// with the problems when it is invalid.
int create_course_file(db::Database& database, const std::string& path, std::ostream& out);

}  // namespace app
