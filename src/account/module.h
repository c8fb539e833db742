#pragma once
// Accounts: login, registration, logout, user administration and the audit log. The rules and
// tables are the auth layer's (auth/); this module is their pages.
#include "web/module.h"

namespace account {

class AccountModule : public web::Module {
 public:
  explicit AccountModule(const web::ModuleContext& context) : database_(context.database) {}
  std::string_view name() const override { return "account"; }
  void register_routes(web::Site& site) override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  // Hourly: expired sessions, and rate-limit counters a week past their window.
  std::vector<web::Duty> duties() override;
  static std::vector<web::BackupTable> tables();

 private:
  db::Database& database_;
};

}  // namespace account
