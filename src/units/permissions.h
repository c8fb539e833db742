#pragma once
// Who may edit the organisation tree and put accounts in units (auth/permission.h).
#include "auth/permission.h"

namespace units::perm {
using auth::Role;
// /quan-tri/don-vi: add, rename and move units of the province's tree; assign accounts to them.
inline constexpr auth::Permission manage_units{"units.manage", {Role::admin}};
}  // namespace units::perm
