#pragma once
// Commendations in the back office: /quan-tri/khen-thuong (those of one's units with the activity
// figures that justify them, filtered by status; the proposal form), and the admins' decisions
// (/{id}/khen with the decision's number, /{id}/khong-khen with the reason).
#include "outreach/commendation_service.h"
#include "web/site.h"

namespace outreach {

void register_commendation_routes(web::Site& site, CommendationService& commendations);

}  // namespace outreach
