#pragma once
#include "auth/role.h"

#include <cstdint>
#include <string>

namespace auth {

struct User {
  std::int64_t id = 0;
  std::string email;  // lower-case
  std::string display_name;
  Role role = Role::citizen;
  bool active = true;
  std::int64_t created_at = 0;
};

}  // namespace auth
