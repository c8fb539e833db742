#include "account/module.h"

#include "account/routes.h"
#include "auth/permission.h"
#include "auth/rate_limiter.h"
#include "auth/session_store.h"

namespace account {

void AccountModule::register_routes(web::Site& site) { register_account_routes(site); }

std::vector<web::BackOfficeLink> AccountModule::back_office_links() const {
  return {{90, "Người dùng", "/quan-tri/nguoi-dung", web::needs(auth::manage_users)},
          {91, "Nhật ký", "/quan-tri/nhat-ky", web::needs(auth::view_audit_log)}};
}

std::vector<web::Duty> AccountModule::duties() {
  return {{"account.purge", std::chrono::hours(1), [this](std::int64_t now) {
             auth::SessionStore(*database_.acquire()).purge_expired();
             auth::RateLimiter(database_, true).purge_before(now - 7 * 24 * 3600);
           }}};
}

std::vector<web::BackupTable> AccountModule::tables() {
  return {{"users"}, {"sessions"}, {"rate_limits"}, {"audit_log"}, {"api_tokens"}};
}

}  // namespace account
