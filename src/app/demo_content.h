#pragma once
#include "auth/auth_service.h"
#include "db/database.h"
#include "portal/portal_service.h"

namespace app {

// Seeds the standard categories, demo accounts for each editorial role (passwords printed once)
// and sample posts, through the same services people use. Does nothing when categories exist.
void seed_demo_content(db::Database& database, auth::AuthService& auth, portal::PortalService& portal);

// The standard categories alone (every new site gets these).
void seed_categories(portal::PortalService& portal, const auth::User& admin);

}  // namespace app
