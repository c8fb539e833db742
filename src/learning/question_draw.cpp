#include "learning/question_draw.h"

#include "learning/contest_rules.h"

#include <algorithm>
#include <random>
#include <set>

namespace learning {

namespace {
std::mt19937_64& random_engine() {
  thread_local std::mt19937_64 engine([] {
    std::seed_seq seed{std::random_device{}(), std::random_device{}(), std::random_device{}(), std::random_device{}()};
    return std::mt19937_64(seed);
  }());
  return engine;
}
}  // namespace

std::optional<std::vector<std::int64_t>> draw_questions(ContestRepository& repo, const std::vector<Quota>& quotas) {
  std::vector<std::int64_t> drawn;
  std::set<std::int64_t> taken;
  for (const auto& quota : quotas) {
    std::vector<std::int64_t> pool;
    for (const auto& q : repo.drawable_questions(quota))
      if (matches_tag(quota, q.tags) && !taken.count(q.id)) pool.push_back(q.id);
    if (pool.size() < static_cast<std::size_t>(quota.count)) return std::nullopt;
    std::shuffle(pool.begin(), pool.end(), random_engine());
    for (int i = 0; i < quota.count; ++i) {
      drawn.push_back(pool[i]);
      taken.insert(pool[i]);
    }
  }
  return drawn;
}

}  // namespace learning
