#pragma once
// The contests in the back office (/quan-tri/cuoc-thi): every contest with its rounds, a round's
// results, and their export as CSV or XLSX. For learning::perm::manage_contests.
#include "learning/contests.h"
#include "web/site.h"

namespace learning {

void register_contest_admin_routes(web::Site& site, ContestService& contests);

}  // namespace learning
