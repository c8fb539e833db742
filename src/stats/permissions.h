#pragma once
// Who may read the statistics (auth/permission.h).
#include "auth/permission.h"

namespace stats::perm {

using auth::Role;

// The statistics pages, their exports and the statistics API.
inline constexpr auth::Permission view_stats{"stats.view", {Role::admin, Role::moderator, Role::reporter}};

}  // namespace stats::perm
