#pragma once
// The editors' report of where automated answers fall short: GET /quan-tri/hoi-dap-tu-dong
// ?tu=YYYY-MM&den=YYYY-MM (the last six months by default).
#include "answer/reviews.h"
#include "web/site.h"

namespace answer {

void register_review_routes(web::Site& site, AnswerReviews& reviews);

}  // namespace answer
