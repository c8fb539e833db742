#pragma once
// Contests as JSON: the API's objects and the templates' views are built here, from the model
// only (no database, no request).
#include "learning/contest_model.h"
#include "core/spreadsheet.h"
#include "learning/contests.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace learning {

// "open", "upcoming" or "closed" at `now` (Unix seconds).
std::string contest_state(const Contest& c, std::int64_t now);

// The API's contest: id, title, opens_at, closes_at (RFC 3339), url, state, rounds, questions
// per attempt, time limit.
nlohmann::json contest_json(const Contest& c, std::int64_t now);
// The API's attempt: attempt_id, deadline (RFC 3339) and deadline_ms, status, questions with
// their choices and the answers saved so far. Never the answer key.
nlohmann::json attempt_json(const AttemptView& a, std::int64_t now_ms);
nlohmann::json result_json(const AttemptResult& r);
nlohmann::json leaderboard_json(const Leaderboard& board);

// The results of a round for officials to take away (core::to_csv / to_xlsx): every person's
// best attempt in ranking order, then the figures by province.
std::vector<core::Table> results_tables(const Leaderboard& board);

// leaderboard_json with what the pages show besides: each time as "12 phút 05 giây", each
// province's average to one decimal.
nlohmann::json leaderboard_page_view(const Leaderboard& board);

// For the templates: the contest with its rounds in Vietnamese time and its state.
nlohmann::json contest_page_view(const Contest& c, std::int64_t now);

}  // namespace learning
