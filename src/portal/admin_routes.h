#pragma once
#include "portal/portal_service.h"
#include "web/site.h"

namespace portal {

// Back office (/quan-tri): posts and their workflow, categories.
void register_admin_routes(web::Site& site, PortalService& portal);

}  // namespace portal
