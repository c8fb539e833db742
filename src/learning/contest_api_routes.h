#pragma once
// The contests' JSON API (docs/api.md, "Contests"): listing, registering, attempts with the
// participant's bearer token, answers, submission, leaderboards.
#include "learning/contests.h"
#include "web/site.h"

namespace learning {

void register_contest_api_routes(web::Site& site, ContestService& contests);

}  // namespace learning
