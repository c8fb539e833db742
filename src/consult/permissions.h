#pragma once
// Who may do what in online consultation. Routes name the coarse permission; services check the
// finer rules (an expert sees only the questions assigned to them).
#include "auth/permission.h"

namespace consult::perm {
using auth::Role;
// Triage, assign, review and publish questions.
inline constexpr auth::Permission moderate_questions{"questions.moderate", {Role::admin, Role::moderator}};
// Answer assigned questions (once registered and verified as an expert).
inline constexpr auth::Permission answer_questions{"questions.answer", {Role::expert}};
// The consultation desk: the queue and question pages, for moderators and experts.
inline constexpr auth::Permission use_desk{"questions.desk", {Role::admin, Role::moderator, Role::expert}};
// Register and verify lawyers, jurists and legal aid officers.
inline constexpr auth::Permission manage_experts{"experts.manage", {Role::admin}};
}  // namespace consult::perm
