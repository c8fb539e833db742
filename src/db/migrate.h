#pragma once
#include "db/database.h"

namespace db {

// Applies the embedded migrations (src/db/migrations/<dialect>/NNNN_name.sql) not yet applied,
// in one transaction. Safe when several processes start at once: SQLite serialises
// through BEGIN IMMEDIATE, PostgreSQL through an advisory lock. Returns the names applied.
std::vector<std::string> migrate(Database& database);

}  // namespace db
