#pragma once
#include "db/database.h"

struct sqlite3;

namespace db {

// One SQLite connection in WAL mode with a busy timeout; several of these share one file.
class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection() override;
  Dialect dialect() const override { return Dialect::sqlite; }
  std::vector<Row> query(std::string_view sql, const Params& params) override;
  std::int64_t execute(std::string_view sql, const Params& params) override;
  void execute_script(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  bool in_transaction() const override;
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace db
