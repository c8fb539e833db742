#pragma once
// The registry of legal reporters and propagandists in the back office: /quan-tri/bao-cao-vien
// (search and filters, Excel and CSV exports), a person's record with their trainings, courses
// and activities, and the forms to add, change and relieve people and record trainings. Routes
// parse and answer; ReporterRegistry decides who may act on which unit.
#include "outreach/registry_service.h"
#include "web/site.h"

namespace outreach {

void register_registry_routes(web::Site& site, ReporterRegistry& registry);

}  // namespace outreach
