#pragma once
// The JSON API of the registry and the activity log, for programs working for a signed-in
// official (the same permission and the same part of the tree as the pages):
//   GET /api/v1/reporters?q=&unit=&kind=&level=&active=&limit=&offset=   people, filtered
//   GET /api/v1/reporters/{id}        one person with trainings, courses finished and activities led
//   GET /api/v1/activities?unit=&kind=&from=&to=&limit=&offset=          activities, newest first
//   GET /api/v1/activities/{id}       one activity with the people who led it
// Malformed parameters get 400, people and activities outside one's units 404, no province 503.
#include "outreach/activity_service.h"
#include "outreach/registry_service.h"
#include "web/site.h"

namespace outreach {

void register_outreach_api_routes(web::Site& site, ReporterRegistry& registry, ActivityLog& log);

}  // namespace outreach
