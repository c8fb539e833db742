#pragma once
#include "web/site.h"

namespace account {

// Login, registration, logout; user administration and the audit log (admin).
void register_account_routes(web::Site& site);

}  // namespace account
