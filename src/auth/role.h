#pragma once
// The roles an account can have. What each role may do is declared by the feature modules as
// permissions (auth/permission.h and each module's permissions.h).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace auth {

// reporter enters a unit's PBGDPL figures; approver approves those of the units below theirs.
enum class Role { admin, editor, reviewer, moderator, expert, reporter, approver, citizen };
inline constexpr unsigned kRoleCount = 8;

std::string_view role_slug(Role r);        // "admin", "editor", ..., stored in the database
std::string_view role_label(Role r);       // Vietnamese name shown to people
std::optional<Role> parse_role(std::string_view slug);
const std::vector<Role>& all_roles();

}  // namespace auth
