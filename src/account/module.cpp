#include "account/module.h"

#include "account/routes.h"
#include "auth/permission.h"

namespace account {

void AccountModule::register_routes(web::Site& site) { register_account_routes(site); }

std::vector<web::BackOfficeLink> AccountModule::back_office_links() const {
  return {{90, "Người dùng", "/quan-tri/nguoi-dung", web::needs(auth::manage_users)},
          {91, "Nhật ký", "/quan-tri/nhat-ky", web::needs(auth::view_audit_log)}};
}

std::vector<web::BackupTable> AccountModule::tables() {
  return {{"users"}, {"sessions"}, {"rate_limits"}, {"audit_log"}};
}

}  // namespace account
