#pragma once
// All SQL of the registry of legal reporters and propagandists: legal_reporters and
// reporter_trainings (migration 0024).
#include "db/database.h"
#include "outreach/model.h"
#include "web/figures.h"

#include <optional>
#include <string>
#include <vector>

namespace outreach {

struct ReporterFilter {
  std::vector<std::string> units;        // only these units (the viewer's)
  std::string name_folded;               // a part of the name, folded; "" for any
  std::optional<ReporterKind> kind;
  std::optional<ReporterLevel> level;
  std::optional<bool> active;            // none: both
};

class ReporterRepository {
 public:
  explicit ReporterRepository(db::Connection& c) : c_(c) {}

  std::int64_t insert(const LegalReporter& r, std::int64_t now);
  // Everything but the status; by id.
  void update(const LegalReporter& r, std::int64_t now);
  void set_relieved(std::int64_t id, const std::optional<std::string>& relieved_on, const std::string& reason, std::int64_t now);
  std::optional<LegalReporter> find(std::int64_t id);
  // By name (Vietnamese order of the folded name), then id; `limit` 0 for all.
  std::vector<LegalReporter> search(const ReporterFilter& filter, int limit, int offset);
  std::int64_t count(const ReporterFilter& filter);
  // Of these ids, those that exist.
  std::vector<LegalReporter> find_all(const std::vector<std::int64_t>& ids);

  std::vector<Training> trainings(std::int64_t reporter_id);
  std::int64_t add_training(const Training& t, std::int64_t now);

  // Recognised by `to_date` and not relieved before `from_date` (ISO dates, inclusive), by unit.
  web::UnitCounts serving(ReporterKind kind, const std::string& from_date, const std::string& to_date);

 private:
  db::Connection& c_;
};

}  // namespace outreach
