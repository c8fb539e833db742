#pragma once
// The province's tree and a person's place in it, read on one connection: what the registry, the
// activity log, commendations and plans check every request against (with outreach/rules.h).
#include "auth/user.h"
#include "core/error.h"
#include "db/database.h"
#include "outreach/rules.h"
#include "units/unit_registry.h"

namespace outreach {

struct Scope {
  units::UnitTree tree;
  OutreachActor actor;
};

// What the registry, the log, commendations and plans answer while no province is configured.
inline core::ServiceError province_unconfigured() {
  return core::ServiceError::unavailable("province_not_configured", "Chưa chọn tỉnh, thành phố (thiết lập province, biến PHOBIEN_PROVINCE).");
}

inline Scope scope_of(db::Connection& c, const std::string& root_code, const auth::User& user) {
  return {units::UnitRegistry::tree(c, root_code), {user.role, units::UnitRegistry::unit_of(c, user.id)}};
}

}  // namespace outreach
