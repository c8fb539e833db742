#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace auth {

enum class Role { admin, editor, reviewer, moderator, expert, reporter, citizen };

std::string_view role_slug(Role r);        // "admin", "editor", ..., stored in the database
std::string_view role_label(Role r);       // Vietnamese name shown to people
std::optional<Role> parse_role(std::string_view slug);
const std::vector<Role>& all_roles();

// What each role may do. One place, so a permission matrix test can cover it.
bool can_write_posts(Role r);      // create and edit drafts, submit for review
bool can_publish_posts(Role r);    // approve, publish, return with a comment
bool can_manage_categories(Role r);
bool can_manage_users(Role r);
bool can_view_audit_log(Role r);
bool can_enter_back_office(Role r);
bool can_manage_library(Role r);
bool can_moderate_questions(Role r);  // triage, assign, review and publish consultation questions
bool can_manage_experts(Role r);      // register and verify lawyers, jurists and legal aid officers
bool can_answer_questions(Role r);    // answer assigned questions (once registered and verified as an expert)
bool can_view_consult_stats(Role r);  // consultation figures and exports   // import and edit legal documents and bookshelf items

}  // namespace auth
