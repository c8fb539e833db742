#pragma once
#include "web/site.h"

namespace auth {

// Login, registration, logout; user administration and the audit log (admin).
void register_auth_routes(web::Site& site);

}  // namespace auth
