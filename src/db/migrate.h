#pragma once
#include "db/database.h"

#include <string>
#include <vector>

namespace db {

// One migration, as the program embeds it: `src/<module>/migrations/NNNN_name.sql`. Migrations
// of all modules run in the order of their names, which are unique across modules.
struct Migration {
  std::string name;  // "0008_consultation.sql"
  std::string sql;   // for the dialect at hand
};

// Migrations are written once, with SQLite's types; for PostgreSQL `INTEGER PRIMARY KEY`
// becomes `BIGSERIAL PRIMARY KEY` and every other `INTEGER` becomes `BIGINT` (times and ids are
// 64-bit). A migration that needs more than that ships `NNNN_name.postgres.sql` (or
// `.sqlite.sql`) beside it, which is used as it is for that dialect.
std::string translate_for_postgres(std::string_view sqlite_sql);
// Every embedded migration for `dialect`, sorted by name; throws on a name used twice.
std::vector<Migration> embedded_migrations(Dialect dialect);

// Applies the migrations not yet applied, in one transaction. Safe when several processes
// start at once: SQLite serialises through BEGIN IMMEDIATE, PostgreSQL through an advisory lock.
// Returns the names applied.
std::vector<std::string> migrate(Database& database);

}  // namespace db
