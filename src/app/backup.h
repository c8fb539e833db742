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
// Replaces every table's content with the backup's. First checks the whole archive (names and
// kinds of its files, manifest, every row against the manifest's counts, tables and columns
// against this database's schema) and throws, changing nothing, when anything is wrong. Then
// copies uploads back without replacing a file, and replaces the rows in one transaction, so a
// failure leaves the previous rows. Queued mail and chat replies come back as not sent
// (BackupTable::after_restore). Throws std::runtime_error with a Vietnamese message.
std::string restore(db::Database& database, const std::string& uploads_dir, const std::string& in_file);

}  // namespace app
