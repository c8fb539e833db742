#include "stats/statistics_service.h"

namespace stats {

ConsultationFigures StatisticsService::consultation(Period period, std::int64_t now) {
  auto c = database_.acquire();
  return consultation_figures(*c, period, now);
}

}  // namespace stats
