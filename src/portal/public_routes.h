#pragma once
#include "portal/portal_service.h"
#include "web/site.h"

namespace portal {

// Citizens' pages: home, categories, posts, print view, tags, feeds, sitemap, cover images.
void register_public_routes(web::Site& site, PortalService& portal);

}  // namespace portal
