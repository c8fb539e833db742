#include "db/migrate.h"

#include "core/resources.h"
#include "core/time.h"

namespace db {

namespace {
// Arbitrary constant shared by every PhoBien process: the key of the migration advisory lock.
constexpr std::int64_t kMigrationLockKey = 0x70686f6269656e;

std::string file_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }
}  // namespace

std::vector<std::string> migrate(Database& database) {
  auto conn = database.acquire();
  const bool pg = conn->dialect() == Dialect::postgres;
  const std::string prefix = pg ? "src/db/migrations/postgres/" : "src/db/migrations/sqlite/";
  std::vector<std::string> applied;

  Transaction tx(*conn);
  if (pg) conn->execute("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey});
  conn->execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
  for (const core::Resource* r : core::resources_under(prefix)) {
    std::string name = file_name(r->path);
    if (conn->query_one("SELECT 1 FROM schema_migrations WHERE name = ?", {name})) continue;
    conn->execute_script(r->data);
    conn->execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", {name, core::now_unix()});
    applied.push_back(name);
  }
  tx.commit();
  return applied;
}

}  // namespace db
