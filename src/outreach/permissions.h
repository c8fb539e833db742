#pragma once
// Who may use the registry and the activity log (auth/permission.h). Which units each person
// acts on follows the organisation tree (outreach/rules.h).
#include "auth/permission.h"

namespace outreach::perm {

using auth::Role;

// Reading the registry and the activity log; recording activities.
inline constexpr auth::Permission record_activities{"outreach.activities", {Role::admin, Role::reporter, Role::approver}};
// Adding, changing and relieving people of the registry, and their trainings.
inline constexpr auth::Permission manage_registry{"outreach.registry", {Role::admin, Role::approver}};

// Deciding on commendations (awarded or declined); proposing them takes record_activities.
inline constexpr auth::Permission decide_commendations{"outreach.commendations", {Role::admin}};

}  // namespace outreach::perm
