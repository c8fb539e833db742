#include "db/sqlite_connection.h"

#include <mutex>

#include <sqlite3.h>

namespace db {

namespace {
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if ((rc & 0xFF) == SQLITE_CONSTRAINT) throw ConstraintError(msg);
  if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED) throw LockTimeout(msg);
  throw Error(msg);
}

struct Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() { sqlite3_finalize(stmt); }
};

void prepare(sqlite3* db, std::string_view sql, const Params& params, Statement& st) {
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st.stmt, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, "prepare");
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(st.stmt))
    throw Error("parameter count mismatch for: " + std::string(sql.substr(0, 80)));
  for (std::size_t i = 0; i < params.size(); ++i) {
    int idx = static_cast<int>(i + 1);
    const auto& v = params[i];
    if (std::holds_alternative<Null>(v)) rc = sqlite3_bind_null(st.stmt, idx);
    else if (auto* n = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(st.stmt, idx, *n);
    else if (auto* d = std::get_if<double>(&v)) rc = sqlite3_bind_double(st.stmt, idx, *d);
    else {
      const auto& s = std::get<std::string>(v);
      rc = sqlite3_bind_text(st.stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) fail(db, rc, "bind");
  }
}

// One SQLite connection: see sqlite_connection.h.
class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, std::chrono::milliseconds busy_timeout, std::shared_ptr<std::timed_mutex> writer)
      : busy_timeout_(busy_timeout), writer_(std::move(writer)) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = "cannot open SQLite database " + path + ": " + sqlite3_errstr(rc);
      sqlite3_close(db_);
      throw Error(msg);
    }
    sqlite3_busy_timeout(db_, static_cast<int>(busy_timeout.count()));
    execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000;");
  }
  ~SqliteConnection() override {
    if (holds_writer_) writer_->unlock();
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    Statement st;
    prepare(db_, sql, params, st);
    std::vector<Row> rows;
    int cols = sqlite3_column_count(st.stmt);
    while (true) {
      int rc = sqlite3_step(st.stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(db_, rc, "step");
      std::vector<std::optional<std::string>> cells(cols);
      for (int c = 0; c < cols; ++c) {
        if (sqlite3_column_type(st.stmt, c) == SQLITE_NULL) continue;
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st.stmt, c));
        cells[c] = std::string(text, sqlite3_column_bytes(st.stmt, c));
      }
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    Statement st;
    prepare(db_, sql, params, st);
    int rc;
    while ((rc = sqlite3_step(st.stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(db_, rc, "step");
    return sqlite3_changes64(db_);
  }

  void execute_script(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      if ((rc & 0xFF) == SQLITE_CONSTRAINT) throw ConstraintError(msg);
      if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED) throw LockTimeout("script: " + msg);
      throw Error("script: " + msg);
    }
  }

  // The connections of one process take turns at the writer mutex, so that a waiting writer
  // sleeps until the lock is free instead of polling in SQLite's busy handler (whose growing
  // sleeps cost most of the throughput when many requests write at once). IMMEDIATE: a writer
  // of another process is waited for here (busy timeout), not at the first write.
  void begin() override {
    if (writer_) {
      if (!writer_->try_lock_for(busy_timeout_)) throw LockTimeout("begin: another writer held the database for too long");
      holds_writer_ = true;
    }
    try {
      execute_script("BEGIN IMMEDIATE");
    } catch (...) {
      release_writer();
      throw;
    }
  }
  void commit() override {
    execute_script("COMMIT");
    release_writer();
  }
  void rollback() override {
    try {
      if (in_transaction()) execute_script("ROLLBACK");
    } catch (...) {
      release_writer();  // a pooled connection must never keep the other writers out
      throw;
    }
    release_writer();
  }
  bool in_transaction() const override { return sqlite3_get_autocommit(db_) == 0; }

 private:
  void release_writer() {
    if (holds_writer_) {
      holds_writer_ = false;
      writer_->unlock();
    }
  }
  sqlite3* db_ = nullptr;
  std::chrono::milliseconds busy_timeout_;
  std::shared_ptr<std::timed_mutex> writer_;
  bool holds_writer_ = false;
};
}  // namespace

std::unique_ptr<Connection> open_sqlite_connection(const std::string& path, std::chrono::milliseconds busy_timeout,
                                                   std::shared_ptr<std::timed_mutex> writer) {
  return std::make_unique<SqliteConnection>(path, busy_timeout, std::move(writer));
}

}  // namespace db
