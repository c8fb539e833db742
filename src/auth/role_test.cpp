#include "auth/permission.h"
#include "auth/role.h"

#include <gtest/gtest.h>

namespace auth {

TEST(Role, SlugsAndLabelsRoundTrip) {
  ASSERT_EQ(all_roles().size(), kRoleCount);
  for (Role role : all_roles()) {
    SCOPED_TRACE(std::string(role_slug(role)));
    EXPECT_EQ(parse_role(role_slug(role)), role);
    EXPECT_FALSE(role_label(role).empty());
  }
  EXPECT_FALSE(parse_role("Admin"));
  EXPECT_FALSE(parse_role(""));
}

TEST(Permission, RoleSetsHoldExactlyTheirRoles) {
  constexpr Permission editors{"test.edit", {Role::admin, Role::editor}};
  for (Role role : all_roles()) EXPECT_EQ(editors.allows(role), role == Role::admin || role == Role::editor);
  for (Role role : all_roles()) EXPECT_EQ(enter_back_office.allows(role), role != Role::citizen);
  for (Role role : all_roles()) EXPECT_EQ(manage_users.allows(role), role == Role::admin);
  EXPECT_FALSE(RoleSet{}.contains(Role::admin));
}

}  // namespace auth
