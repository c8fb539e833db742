#pragma once
// What consultation reads of accounts (table users, owned by auth/): the addresses its e-mails go
// to, and the account the expert registry links an expert to.
#include "db/database.h"

#include <optional>
#include <string>
#include <vector>

namespace consult {

struct Account {
  std::int64_t id = 0;
  std::string role;  // auth::role_slug
};

class AccountRepository {
 public:
  explicit AccountRepository(db::Connection& c) : c_(c) {}
  // `email` as stored: lower case.
  std::optional<Account> find_by_email(const std::string& email);
  // The address of the account behind expert `expert_id`.
  std::optional<std::string> expert_email(std::int64_t expert_id);
  // Every active moderator's address, oldest account first.
  std::vector<std::string> moderator_emails();

 private:
  db::Connection& c_;
};

}  // namespace consult
