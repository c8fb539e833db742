#pragma once
// The contests' JSON API (docs/api.md, "Contests"): listing, registering, attempts with the
// participant's bearer token, answers, submission, certificates, leaderboards.
#include "learning/certificates.h"
#include "learning/contests.h"
#include "web/site.h"

namespace learning {

void register_contest_api_routes(web::Site& site, ContestService& contests, CertificateService& certificates);

}  // namespace learning
