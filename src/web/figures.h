#pragma once
// Figures the platform counts itself, for the PBGDPL reports: each module that knows a figure
// (posts published, questions answered, contest participants, …) declares a FigureSource, and
// the statistics module fills it in on a unit's report form for the reporter to confirm. A new
// module adds its figures here without touching the statistics code.
#include "db/database.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace web {

// unit code → count. The key "" holds what belongs to no unit (e.g. posts on the province's
// portal): it is counted for the root of the organisation tree.
using UnitCounts = std::map<std::string, std::int64_t>;

struct FigureSource {
  std::string key;    // "portal.posts_published": what an indicator names as its source_key
  std::string label;  // Vietnamese, shown beside the suggested figure
  // What happened in [from, to) (Unix seconds), by unit, read inside the caller's connection.
  std::function<UnitCounts(db::Connection&, std::int64_t from, std::int64_t to)> count;
};

}  // namespace web
