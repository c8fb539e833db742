#pragma once
#include "library/library_service.h"
#include "web/site.h"

namespace library {

// The bookshelf's pages (/van-ban), its JSON API (/api/v1/documents) and the import page.
void register_library_routes(web::Site& site, LibraryService& library);

}  // namespace library
