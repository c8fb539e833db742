#pragma once
#include "library/search_service.h"
#include "web/site.h"

namespace library {

// The search page (/tra-cuu) and GET /api/v1/search.
void register_search_routes(web::Site& site, SearchService& search);

}  // namespace library
