#pragma once
// Figures of the consultation service for officials and the national statistics: what was asked
// in a period (by legal field and status), how fast it was answered, how askers rated the
// answers, who carries the open questions now and which ones are late.
//
// What counts (docs/consultation.md, "Statistics and exports"):
// - a period is [from, to) in Unix seconds; the routes make it whole days in Vietnam time;
// - "received" and the field × status table: questions created in the period, by current status;
// - "answered", the answer times and the ratings: questions delivered in the period
//   (delivered_at in it), answer time = delivered_at − created_at;
// - expert load and the overdue list are the state at `now`, whatever the period;
// - questions imported from a Q&A archive (source 'import') are not the service's work and are
//   left out of every figure but `imported`.
#include "consult/model.h"
#include "core/spreadsheet.h"
#include "db/database.h"
#include "stats/period.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stats {

// One row of the field × status table; `slug` is empty for questions without a field.
struct FieldStatusRow {
  std::string slug;
  std::string name;
  std::vector<std::int64_t> by_status;  // in the order of consult::all_statuses()
  std::int64_t total = 0;
};

struct AnswerTimes {
  std::size_t count = 0;              // questions delivered in the period
  std::optional<double> median_hours;  // nearest-rank 50th percentile
  std::optional<double> p90_hours;     // nearest-rank 90th percentile
};

struct RatingCounts {
  std::int64_t useful = 0;
  std::int64_t not_useful = 0;
  std::optional<double> useful_share;  // useful / (useful + not_useful); none without ratings
};

struct ExpertLoad {
  std::int64_t expert_id = 0;
  std::string name;
  std::string organisation;
  bool available = true;
  bool verified = false;
  int capacity = 0;
  std::int64_t open = 0;      // assigned or follow-up now
  std::int64_t answered = 0;  // delivered in the period
};

struct OverdueQuestion {
  std::int64_t id = 0;
  std::string code;
  std::string field_name;  // "" without a field
  consult::Status status = consult::Status::fresh;
  std::string expert_name;  // "" when not assigned
  std::int64_t created_at = 0;
  std::int64_t due_at = 0;
  double hours_late = 0;
};

struct ConsultationFigures {
  Period period;
  std::int64_t now = 0;
  std::int64_t received = 0;
  std::vector<FieldStatusRow> fields;  // every legal field in display order, then "chưa phân loại"
  std::vector<std::int64_t> status_totals;  // in the order of consult::all_statuses()
  std::int64_t answered = 0;
  AnswerTimes answer_times;
  RatingCounts ratings;
  std::vector<ExpertLoad> experts;  // by name
  std::vector<OverdueQuestion> overdue;  // most overdue first, at most 500
  std::int64_t overdue_total = 0;
  std::int64_t imported = 0;  // archive questions imported in the period (not in the figures above)
};

// Label of the row of questions without a field.
extern const char* const kUnclassifiedLabel;

// Reads the consultation tables (through consult's repositories where they have the query).
ConsultationFigures consultation_figures(db::Connection& c, Period period, std::int64_t now);

// Nearest-rank percentile (p in (0, 100]): the smallest value such that at least p% of the values
// are at most it, i.e. sorted[ceil(p/100 · n) − 1]; it is always one of the values, never an
// interpolation. p = 50 on an even count gives the lower of the two middle values. nullopt for
// no values.
std::optional<double> nearest_rank_percentile(std::vector<double> values, double p);

// The figures as tables for CSV and XLSX exports (Vietnamese headers): summary, by field and
// status, experts, overdue questions.
std::vector<core::Table> consultation_tables(const ConsultationFigures& s);

}  // namespace stats
