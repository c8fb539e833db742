#pragma once
// Who may do what with contests and question banks in the back office.
#include "auth/permission.h"

namespace learning::perm {
using auth::Role;
// The contests' back-office pages: participants, results and their exports.
inline constexpr auth::Permission manage_contests{"contests.manage", {Role::admin, Role::editor, Role::reporter}};
}  // namespace learning::perm
