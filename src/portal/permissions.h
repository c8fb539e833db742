#pragma once
// Who may do what with posts and categories (the editorial workflow, docs/architecture.md).
#include "auth/permission.h"

namespace portal::perm {
using auth::Role;
// Create and edit drafts, submit them for review.
inline constexpr auth::Permission write_posts{"posts.write", {Role::admin, Role::editor, Role::reviewer}};
// Approve, publish, return with a comment; edit any post.
inline constexpr auth::Permission publish_posts{"posts.publish", {Role::admin, Role::reviewer}};
inline constexpr auth::Permission manage_categories{"categories.manage", {Role::admin}};
}  // namespace portal::perm
