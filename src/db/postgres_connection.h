#pragma once
// PostgreSQL connections through libpq, in UTC. Only db/database.cpp opens them (open_database);
// everything else sees db::Connection. Placeholders `?` are rewritten to `$n` per statement.
#include "db/database.h"

#include <memory>
#include <string>
#include <string_view>

namespace db {

// Connects to `url` (postgresql://…); throws db::Error, with the password masked, on failure.
std::unique_ptr<Connection> open_postgres_connection(const std::string& url);

// `?` → `$1, $2, ...`, leaving quoted strings, identifiers and comments alone.
std::string number_placeholders(std::string_view sql);

}  // namespace db
