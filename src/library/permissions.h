#pragma once
// Who may change the legal bookshelf.
#include "auth/permission.h"

namespace library::perm {
using auth::Role;
// Import and edit legal documents and bookshelf items.
inline constexpr auth::Permission manage_library{"library.manage", {Role::admin, Role::editor, Role::reviewer}};
}  // namespace library::perm
