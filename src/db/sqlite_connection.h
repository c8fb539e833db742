#pragma once
// SQLite connections: WAL mode, foreign keys on, a 10-second busy timeout; several share one
// file. Only db/database.cpp opens them (open_database); everything else sees db::Connection.
#include "db/database.h"

#include <memory>
#include <string>

namespace db {

// Opens (creating it if absent) the database file at `path`; throws db::Error on failure.
std::unique_ptr<Connection> open_sqlite_connection(const std::string& path);

}  // namespace db
