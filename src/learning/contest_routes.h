#pragma once
// The contests' pages for people, without JavaScript and from a 360 px phone up: the list, a
// contest with its rules and the registration form, one page per question, the submission page,
// the result and its certificate, the leaderboard. A participant is known by a cookie holding
// their token (pb_thi_<contest id>), set when they register.
#include "learning/certificates.h"
#include "learning/contests.h"
#include "units/unit_registry.h"
#include "web/site.h"

namespace learning {

void register_contest_routes(web::Site& site, ContestService& contests, CertificateService& certificates,
                             units::UnitRegistry& units);

}  // namespace learning
