#include "db/migrate.h"

#include "core/resources.h"
#include "core/time.h"

#include <algorithm>
#include <map>
#include <regex>
#include <stdexcept>

namespace db {

namespace {
// Arbitrary constant shared by every PhoBien process: the key of the migration advisory lock.
constexpr std::int64_t kMigrationLockKey = 0x70686f6269656e;

// "src/consult/migrations/0008_consultation.postgres.sql" → module-independent parts.
struct MigrationFile {
  std::string name;     // "0008_consultation.sql"
  std::string variant;  // "", "postgres" or "sqlite"
};

std::optional<MigrationFile> parse_path(const std::string& path) {
  static const std::regex pattern(R"(^src/[a-z_]+/migrations/([0-9]{4}_[a-z0-9_]+)(\.(postgres|sqlite))?\.sql$)");
  std::smatch m;
  if (!std::regex_match(path, m, pattern)) return std::nullopt;
  return MigrationFile{m[1].str() + ".sql", m[3].str()};
}
}  // namespace

std::string translate_for_postgres(std::string_view sqlite_sql) {
  static const std::regex primary_key(R"(\bINTEGER PRIMARY KEY\b)");
  static const std::regex integer(R"(\bINTEGER\b)");
  std::string sql = std::regex_replace(std::string(sqlite_sql), primary_key, "BIGSERIAL PRIMARY KEY");
  return std::regex_replace(sql, integer, "BIGINT");
}

std::vector<Migration> embedded_migrations(Dialect dialect) {
  const std::string own = dialect == Dialect::postgres ? "postgres" : "sqlite";
  std::map<std::string, std::string> common, specific;  // name → SQL
  for (const auto& r : core::resources()) {
    auto file = parse_path(r.path);
    if (!file) continue;
    if (!file->variant.empty() && file->variant != own) continue;
    auto& into = file->variant.empty() ? common : specific;
    if (!into.emplace(file->name, std::string(r.data)).second)
      throw std::logic_error("migration " + file->name + " is defined twice");
  }
  std::vector<Migration> out;
  for (auto& [name, sql] : common) {
    if (auto it = specific.find(name); it != specific.end()) {
      out.push_back({name, it->second});
      specific.erase(it);
    } else {
      out.push_back({name, dialect == Dialect::postgres ? translate_for_postgres(sql) : sql});
    }
  }
  for (auto& [name, sql] : specific) out.push_back({name, sql});  // only for this dialect
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::vector<std::string> migrate(Database& database) {
  auto conn = database.acquire();
  const bool pg = conn->dialect() == Dialect::postgres;
  const auto migrations = embedded_migrations(conn->dialect());
  std::vector<std::string> applied;

  Transaction tx(*conn);
  if (pg) conn->execute("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey});
  conn->execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
  for (const auto& m : migrations) {
    if (conn->query_one("SELECT 1 FROM schema_migrations WHERE name = ?", {m.name})) continue;
    conn->execute_script(m.sql);
    conn->execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", {m.name, core::now_unix()});
    applied.push_back(m.name);
  }
  tx.commit();
  return applied;
}

}  // namespace db
