#pragma once
// Who may use plans (auth/permission.h). Which tasks a person reports on follows the tree.
#include "auth/permission.h"

namespace plans::perm {

using auth::Role;

// Reading plans and reporting progress on the tasks of one's units.
inline constexpr auth::Permission follow_plans{"plans.follow", {Role::admin, Role::reporter, Role::approver}};
// Recording inspections and evaluations of the units one oversees.
inline constexpr auth::Permission review_plans{"plans.review", {Role::admin, Role::approver}};
// Importing plans.
inline constexpr auth::Permission manage_plans{"plans.manage", {Role::admin}};

}  // namespace plans::perm
