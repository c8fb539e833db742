#pragma once
// Drawing bank questions at random by quotas: contest attempts and course quizzes.
#include "learning/contest_model.h"
#include "learning/contest_repository.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace learning {

// `count` published questions for each quota, none twice, in random order; nothing when a quota
// cannot be filled.
std::optional<std::vector<std::int64_t>> draw_questions(ContestRepository& repo, const std::vector<Quota>& quotas);

}  // namespace learning
