#pragma once
// Logical backups that work the same on SQLite and PostgreSQL (and move data between them):
// a .tar.gz with manifest.json, database.jsonl (one row a line, read in one snapshot while the
// server keeps running) and the uploads folder.
#include "db/database.h"

#include <string>
#include <vector>

namespace app {

// Tables in the order parents come before children; restore inserts in this order.
const std::vector<std::string>& backup_tables();
// Tables left out on purpose; a test checks that every table is in one list or the other.
const std::vector<std::string>& tables_not_backed_up();

// Returns a one-line Vietnamese summary. Throws std::runtime_error on failure.
std::string backup(db::Database& database, const std::string& uploads_dir, const std::string& out_file);
// Replaces every table's content with the backup's, in one transaction; copies uploads back.
std::string restore(db::Database& database, const std::string& uploads_dir, const std::string& in_file);

}  // namespace app
