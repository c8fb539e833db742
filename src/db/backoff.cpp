#include "db/backoff.h"

#include <algorithm>

namespace db {

std::int64_t Backoff::delay_seconds(int attempts) const {
  if (curve.empty()) return base_seconds;
  auto step = static_cast<std::size_t>(std::max(attempts, 1) - 1);
  return base_seconds * curve[std::min(step, curve.size() - 1)];
}

}  // namespace db
