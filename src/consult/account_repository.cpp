#include "consult/account_repository.h"

namespace consult {

std::optional<Account> AccountRepository::find_by_email(const std::string& email) {
  auto row = c_.query_one("SELECT id, role FROM users WHERE email = ?", {email});
  if (!row) return std::nullopt;
  return Account{row->int64(0), row->text(1)};
}

std::optional<std::string> AccountRepository::expert_email(std::int64_t expert_id) {
  auto row = c_.query_one("SELECT u.email FROM experts e JOIN users u ON u.id = e.user_id WHERE e.id = ?", {expert_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

std::vector<std::string> AccountRepository::moderator_emails() {
  std::vector<std::string> out;
  for (const auto& r : c_.query("SELECT email FROM users WHERE role = 'moderator' AND active = 1 ORDER BY id"))
    out.push_back(r.text(0));
  return out;
}

}  // namespace consult
