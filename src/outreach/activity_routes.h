#pragma once
// The activity log in the back office: /quan-tri/hoat-dong (filters by unit, kind and dates),
// recording an activity and changing it. Routes parse and answer; ActivityLog decides who may
// act on which unit.
#include "outreach/activity_service.h"
#include "outreach/registry_service.h"
#include "web/site.h"

namespace outreach {

void register_activity_routes(web::Site& site, ActivityLog& log, ReporterRegistry& registry);

}  // namespace outreach
