#include "auth/role.h"

namespace auth {

std::string_view role_slug(Role r) {
  switch (r) {
    case Role::admin: return "admin";
    case Role::editor: return "editor";
    case Role::reviewer: return "reviewer";
    case Role::moderator: return "moderator";
    case Role::expert: return "expert";
    case Role::reporter: return "reporter";
    case Role::citizen: return "citizen";
  }
  return "citizen";
}

std::string_view role_label(Role r) {
  switch (r) {
    case Role::admin: return "Quản trị hệ thống";
    case Role::editor: return "Biên tập viên";
    case Role::reviewer: return "Người duyệt";
    case Role::moderator: return "Kiểm duyệt viên";
    case Role::expert: return "Luật sư / luật gia tư vấn";
    case Role::reporter: return "Cán bộ thống kê";
    case Role::citizen: return "Công dân";
  }
  return "";
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = {Role::admin,  Role::editor,   Role::reviewer, Role::moderator,
                                          Role::expert, Role::reporter, Role::citizen};
  return roles;
}

std::optional<Role> parse_role(std::string_view slug) {
  for (Role r : all_roles())
    if (role_slug(r) == slug) return r;
  return std::nullopt;
}

}  // namespace auth
