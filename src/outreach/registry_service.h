#pragma once
// The registry of legal reporters and propagandists (báo cáo viên, tuyên truyền viên pháp luật)
// of the province: search and filters within the units a person oversees, each person's record
// (recognition, trainings attended, courses finished on this platform, activities led), and
// adding, changing and relieving people, each change audited. Admins act on every unit, approvers
// on their own unit and those below it (outreach/rules.h).
#include "auth/audit_log.h"
#include "auth/user.h"
#include "core/error.h"
#include "db/database.h"
#include "learning/courses.h"
#include "outreach/reporter_repository.h"
#include "outreach/rules.h"
#include "outreach/scope.h"
#include "units/unit_tree.h"

#include <string>
#include <vector>

namespace outreach {

struct ReporterQuery {
  std::string text;  // a part of the name, with or without diacritics
  std::string unit;  // "" for every unit in view; else that unit and those below it
  std::optional<ReporterKind> kind;
  std::optional<ReporterLevel> level;
  std::optional<bool> active;
};

struct ReporterList {
  std::vector<LegalReporter> items;
  std::int64_t total = 0;
};

struct ReporterRecord {
  LegalReporter reporter;
  std::vector<Training> trainings;
  std::vector<learning::CompletedCourse> courses;  // finished on this platform by the account with the record's e-mail
  std::vector<Activity> activities;                // led
};

class ReporterRegistry {
 public:
  // `root_code`: the configured province ("" answers 503).
  ReporterRegistry(db::Database& database, std::string root_code, learning::CourseService& courses)
      : database_(database), root_code_(std::move(root_code)), courses_(courses) {}

  units::UnitTree tree();
  // The units `user` sees, parents before children (for the filters and forms).
  std::vector<std::string> units_of(const auth::User& user);
  // `limit` 0 for every match (exports).
  core::Result<ReporterList> search(const auth::User& user, const ReporterQuery& query, int limit, int offset);
  // 404 for an unknown id or one outside the units the user sees.
  core::Result<ReporterRecord> record(const auth::User& user, std::int64_t id);
  core::Result<LegalReporter> add(const auth::User& user, const auth::Actor& actor, const ReporterForm& form, std::int64_t now);
  core::Result<LegalReporter> change(const auth::User& user, const auth::Actor& actor, std::int64_t id, const ReporterForm& form,
                                     std::int64_t now);
  // Relieves an active person (miễn nhiệm) on `relieved_on`; 409 when already relieved.
  core::Result<LegalReporter> relieve(const auth::User& user, const auth::Actor& actor, std::int64_t id, const std::string& relieved_on,
                                      const std::string& reason, std::int64_t now);
  core::Result<Training> add_training(const auth::User& user, const auth::Actor& actor, std::int64_t id, const TrainingForm& form,
                                      std::int64_t now);

 private:
  core::Result<void> configured() const;
  // The person `id` when the user oversees their unit (else 404), with the scope it was checked in.
  struct Located {
    Scope scope;
    LegalReporter reporter;
  };
  core::Result<Located> locate(db::Connection& c, const auth::User& user, std::int64_t id) const;
  db::Database& database_;
  std::string root_code_;
  learning::CourseService& courses_;
};

// The figure sources of the registry: "outreach.legal_reporters" and "outreach.propagandists",
// the people serving during a period, by unit.
std::vector<web::FigureSource> registry_figures();

}  // namespace outreach
