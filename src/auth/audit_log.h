#pragma once
// Who did what, when, from where: every admin and editorial action is recorded in the same
// transaction as the action itself.
#include "db/database.h"

#include <optional>
#include <vector>

namespace auth {

struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> user_id;
  std::string user_email;
  std::string action;  // e.g. "post.publish"
  std::string target;  // e.g. "post:12"
  std::string detail;
  std::string ip;
};

struct Actor {
  std::optional<std::int64_t> user_id;
  std::string ip;
};

void record_audit(db::Connection& c, const Actor& actor, const std::string& action, const std::string& target,
                  const std::string& detail = "");
std::vector<AuditEntry> list_audit(db::Connection& c, std::size_t limit, std::size_t offset);

}  // namespace auth
