#include "app/contest_commands.h"

#include "antispam/site_secret.h"
#include "core/time.h"
#include "learning/contest_rules.h"
#include "learning/contest_views.h"
#include "learning/contests.h"
#include "learning/course_views.h"
#include "learning/courses.h"
#include "db/change_feed.h"
#include "library/library_service.h"
#include "units/unit_import.h"
#include "units/unit_registry.h"

#include <fstream>
#include <sstream>

namespace app {

namespace {

// The file's bytes, at most `limit` of them; nothing when unreadable or larger.
std::optional<std::string> read_file(const std::string& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text(limit + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad() || static_cast<std::size_t>(in.gcount()) > limit) return std::nullopt;
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

// The file's text, or nothing once `out` has been told why.
std::optional<std::string> readable(const std::string& path, std::size_t limit, std::ostream& out) {
  auto text = read_file(path, limit);
  if (!text) out << "✗ " << path << ": không đọc được tệp hoặc tệp quá lớn (cannot read the file, or it is too large)\n";
  return text;
}

// Prints a service's refusal with each field's problem; returns the command's exit code.
int refused(const std::string& path, const core::ServiceError& e, std::ostream& out) {
  out << "✗ " << path << ": " << e.message << "\n";
  for (const auto& [field, message] : e.fields) out << "  " << field << ": " << message << "\n";
  return 1;
}

}  // namespace

int import_units_file(db::Database& database, const std::string& path, std::ostream& out) {
  auto text = readable(path, units::kMaxUnitsFileBytes, out);
  if (!text) return 1;
  units::UnitRegistry registry(database);
  auto result = registry.import(units::parse_units_file(*text), {std::nullopt, "cli"});
  if (!result.problems.empty()) {
    out << "✗ " << path << ": " << result.problems.size() << " lỗi, không nhập đơn vị nào (nothing imported):\n";
    for (std::size_t i = 0; i < result.problems.size() && i < 50; ++i) out << "  " << result.problems[i] << "\n";
    return 1;
  }
  out << "✓ " << path << ": " << result.added_or_changed << " đơn vị mới hoặc thay đổi, " << result.unchanged << " không đổi\n";
  return 0;
}

int create_contest_file(db::Database& database, const std::string& path, std::ostream& out) {
  auto text = readable(path, 256 * 1024, out);
  if (!text) return 1;
  auto definition = learning::parse_contest_definition(*text);
  if (!definition) return refused(path, definition.error(), out);
  units::UnitRegistry registry(database);
  learning::ContestService contests(database, registry, antispam::site_secret(database));
  auto contest = contests.create(*definition, {std::nullopt, "cli"}, core::now_unix());
  if (!contest) return refused(path, contest.error(), out);
  out << "✓ Đã tạo cuộc thi «" << contest->title << "» (id " << contest->id << "): " << learning::contest_url(*contest) << "\n";
  return 0;
}

int create_course_file(db::Database& database, const std::string& path, std::ostream& out) {
  auto text = readable(path, 1024 * 1024, out);
  if (!text) return 1;
  auto definition = learning::parse_course_definition(*text);
  if (!definition) return refused(path, definition.error(), out);
  units::UnitRegistry registry(database);
  db::ChangeFeed feed;
  library::LibraryService library(database, feed);
  learning::CourseService courses(database, registry, library);
  auto course = courses.create(std::move(*definition), {std::nullopt, "cli"}, core::now_unix());
  if (!course) return refused(path, course.error(), out);
  out << "✓ Đã tạo khóa học «" << course->title << "» (id " << course->id << ", " << course->lessons.size()
      << " bài): " << learning::course_url(*course) << "\n";
  return 0;
}

}  // namespace app
