#pragma once
// Who may read where automated answers fall short (auth/permission.h).
#include "auth/permission.h"

namespace answer::perm {
using auth::Role;
// The report of questions handed off, unsure or found unhelpful, by month and by field.
inline constexpr auth::Permission review_answers{"answer.review", {Role::admin, Role::editor, Role::reviewer}};
}  // namespace answer::perm
