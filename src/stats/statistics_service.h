#pragma once
// Figures for officials, by source and period. Routes ask this service; it reads the database.
// Later sources (contests, courses, reporters, plans) add one method each.
#include "db/database.h"
#include "stats/consultation_figures.h"

namespace stats {

class StatisticsService {
 public:
  explicit StatisticsService(db::Database& database) : database_(database) {}
  // Online consultation in `period`, with the state (load, overdue) at `now`.
  ConsultationFigures consultation(Period period, std::int64_t now);

 private:
  db::Database& database_;
};

}  // namespace stats
