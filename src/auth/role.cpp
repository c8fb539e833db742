#include "auth/role.h"

#include "core/enum_names.h"

namespace auth {

constexpr auto kRoleNames = std::to_array<core::EnumName<Role>>({
    {Role::admin, "admin", "Quản trị hệ thống"},
    {Role::editor, "editor", "Biên tập viên"},
    {Role::reviewer, "reviewer", "Người duyệt"},
    {Role::moderator, "moderator", "Kiểm duyệt viên"},
    {Role::expert, "expert", "Luật sư / luật gia tư vấn"},
    {Role::reporter, "reporter", "Cán bộ nhập số liệu"},
    {Role::approver, "approver", "Lãnh đạo duyệt số liệu"},
    {Role::citizen, "citizen", "Công dân"},
});
static_assert(kRoleNames.size() == kRoleCount);

std::string_view role_slug(Role r) { return core::slug_of(kRoleNames, r, "citizen"); }

std::string_view role_label(Role r) { return core::label_of(kRoleNames, r); }

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = core::values_of(kRoleNames);
  return roles;
}

std::optional<Role> parse_role(std::string_view slug) { return core::parse_slug(kRoleNames, slug); }

}  // namespace auth
