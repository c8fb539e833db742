#pragma once
// A permission is a named set of roles. Each feature module declares its own permissions (in its
// `permissions.h`) and names them on its routes; services ask the same objects, so a rule lives
// in one place. Roles themselves are in auth/role.h.
#include "auth/role.h"

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace auth {

class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ |= bit(r);
  }
  constexpr bool contains(Role r) const { return (bits_ & bit(r)) != 0; }
  // Every role but the ones named.
  static constexpr RoleSet all_except(std::initializer_list<Role> roles) {
    RoleSet s;
    s.bits_ = (1u << kRoleCount) - 1;
    for (Role r : roles) s.bits_ &= ~bit(r);
    return s;
  }

 private:
  static constexpr std::uint32_t bit(Role r) { return 1u << static_cast<unsigned>(r); }
  std::uint32_t bits_ = 0;
};

struct Permission {
  std::string_view name;  // "posts.write": for logs, docs and tests
  RoleSet roles;
  constexpr bool allows(Role r) const { return roles.contains(r); }
};

// The permissions of this layer: accounts and the audit log are auth's own.
inline constexpr Permission enter_back_office{"back_office.enter", RoleSet::all_except({Role::citizen})};
inline constexpr Permission manage_users{"users.manage", {Role::admin}};
inline constexpr Permission view_audit_log{"audit_log.view", {Role::admin}};

}  // namespace auth
