#pragma once
// Who may read the statistics (auth/permission.h).
#include "auth/permission.h"

namespace stats::perm {

using auth::Role;

// The statistics pages, their exports and the statistics API.
inline constexpr auth::Permission view_stats{"stats.view", {Role::admin, Role::moderator, Role::reporter, Role::approver}};

// The PBGDPL reports: entering, approving and reading them. Which units each person may act on
// follows the organisation tree (stats/report_rules.h): a reporter their own unit, an approver
// the units below theirs, an admin every unit.
inline constexpr auth::Permission file_reports{"reports.file", {Role::admin, Role::reporter, Role::approver}};
// Reports received from provinces (on a ministry's or the national installation).
inline constexpr auth::Permission read_received{"reports.received", {Role::admin, Role::approver}};
// Reporting periods (open, deadline, lock, sending upwards) and the catalogue of indicators.
inline constexpr auth::Permission manage_reporting{"reports.manage", {Role::admin}};

}  // namespace stats::perm
