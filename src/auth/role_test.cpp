#include "auth/role.h"

#include <gtest/gtest.h>

namespace auth {

// The permission table, role by role: who may do what in the back office.
TEST(Role, PermissionMatrix) {
  struct Row {
    Role role;
    bool write, publish, categories, users, audit, back_office, library, moderate_questions, manage_experts, answer_questions;
  };
  const Row expected[] = {
      {Role::admin, true, true, true, true, true, true, true, true, true, false},
      {Role::editor, true, false, false, false, false, true, true, false, false, false},
      {Role::reviewer, true, true, false, false, false, true, true, false, false, false},
      {Role::moderator, false, false, false, false, false, true, false, true, false, false},
      {Role::expert, false, false, false, false, false, true, false, false, false, true},
      {Role::reporter, false, false, false, false, false, true, false, false, false, false},
      {Role::citizen, false, false, false, false, false, false, false, false, false, false},
  };
  ASSERT_EQ(std::size(expected), all_roles().size());
  for (const auto& row : expected) {
    SCOPED_TRACE(std::string(role_slug(row.role)));
    EXPECT_EQ(can_write_posts(row.role), row.write);
    EXPECT_EQ(can_publish_posts(row.role), row.publish);
    EXPECT_EQ(can_manage_categories(row.role), row.categories);
    EXPECT_EQ(can_manage_users(row.role), row.users);
    EXPECT_EQ(can_view_audit_log(row.role), row.audit);
    EXPECT_EQ(can_enter_back_office(row.role), row.back_office);
    EXPECT_EQ(can_manage_library(row.role), row.library);
    EXPECT_EQ(can_moderate_questions(row.role), row.moderate_questions);
    EXPECT_EQ(can_manage_experts(row.role), row.manage_experts);
    EXPECT_EQ(can_answer_questions(row.role), row.answer_questions);
    EXPECT_EQ(parse_role(role_slug(row.role)), row.role);
    EXPECT_FALSE(role_label(row.role).empty());
  }
  EXPECT_FALSE(parse_role("Admin"));
  EXPECT_FALSE(parse_role(""));
}

}  // namespace auth
