#pragma once
#include "library/library_service.h"
#include "web/site.h"

namespace library {

// Back office for the bookshelf: upload files to import, add books, outlines, leaflets and
// legal situations with their files.
void register_library_admin_routes(web::Site& site, LibraryService& library);

}  // namespace library
