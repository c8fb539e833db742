#pragma once
// Commands of the PBGDPL reporting: API tokens for machine clients (`phobien token add|list|
// revoke`), putting an account in its unit (`phobien user add --unit`) and importing a plan
// (`phobien import-plan`).
#include "core/config.h"
#include "db/database.h"

#include <ostream>
#include <string>

namespace app {

// Prints the new token once (only its hash is stored); 1 with a message when the unit is unknown
// or the scope is not one there is.
int token_add(db::Database& database, const std::string& unit, const std::string& scope, const std::string& label, std::ostream& out);
int token_list(db::Database& database, std::ostream& out);
int token_revoke(db::Database& database, std::int64_t id, std::ostream& out);

// Puts the account `email` in unit `unit`; 1 with a message when either is unknown.
int assign_unit(db::Database& database, const std::string& email, const std::string& unit, std::ostream& out);

// Imports the plan file `path` (plans/plan_file.h) for the configured province; 1 with every
// problem when nothing was stored.
int import_plan_file(db::Database& database, const core::Config& config, const std::string& path, std::ostream& out);

}  // namespace app
