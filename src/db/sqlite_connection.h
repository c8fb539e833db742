#pragma once
// SQLite connections: WAL mode, foreign keys on, a busy timeout (10 s unless told), after which a
// statement still waiting for another connection's write lock throws db::LockTimeout; several
// share one file. Only db/database.cpp opens them (open_database); everything else sees
// db::Connection.
#include "db/database.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

namespace db {

// Opens (creating it if absent) the database file at `path`; throws db::Error on failure.
// Connections given the same `writer` mutex (those of one Database) hold it from begin() to
// commit() or rollback(): their write transactions queue in-process, without busy-waiting.
std::unique_ptr<Connection> open_sqlite_connection(const std::string& path,
                                                   std::chrono::milliseconds busy_timeout = std::chrono::seconds(10),
                                                   std::shared_ptr<std::timed_mutex> writer = nullptr);

}  // namespace db
