#pragma once
#include "portal/portal_service.h"
#include "web/site.h"

namespace portal {

// JSON API v1 for published posts and categories (docs/api.md).
void register_api_routes(web::Site& site, PortalService& portal);

}  // namespace portal
