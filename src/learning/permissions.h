#pragma once
// Who may do what with contests, courses and question banks in the back office.
#include "auth/permission.h"

namespace learning::perm {
using auth::Role;
// The contests' back-office pages: participants, results and their exports.
inline constexpr auth::Permission manage_contests{"contests.manage", {Role::admin, Role::editor, Role::reporter}};
// The courses' back-office pages: who enrolled and finished, by unit, and their exports.
inline constexpr auth::Permission manage_courses{"courses.manage", {Role::admin, Role::editor, Role::reporter}};
// Write bank questions and submit them for review (the same roles as posts).
inline constexpr auth::Permission write_questions{"questions.write", {Role::admin, Role::editor, Role::reviewer}};
// Publish a bank question, or return it with a note.
inline constexpr auth::Permission review_questions{"questions.review", {Role::admin, Role::reviewer}};
}  // namespace learning::perm
