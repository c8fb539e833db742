#pragma once
#include "db/database.h"

struct pg_conn;

namespace db {

// One libpq connection. Placeholders `?` are rewritten to `$n` once per statement text.
class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
  Dialect dialect() const override { return Dialect::postgres; }
  std::vector<Row> query(std::string_view sql, const Params& params) override;
  std::int64_t execute(std::string_view sql, const Params& params) override;
  void execute_script(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  bool in_transaction() const override;

 private:
  pg_conn* conn_ = nullptr;
};

// `?` → `$1, $2, ...`, leaving quoted strings, identifiers and comments alone.
std::string number_placeholders(std::string_view sql);

}  // namespace db
