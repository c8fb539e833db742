#pragma once
// One database interface for SQLite (embedded, the default) and PostgreSQL (scale-out).
// SQL is written once with `?` placeholders; the PostgreSQL backend renumbers them to $1..$n.
// Dialect differences live in the migrations, which exist once per dialect.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <condition_variable>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace db {

enum class Dialect { sqlite, postgres };

// Infrastructure failures (unreachable server, broken SQL, disk full) are exceptions: no caller
// can handle them except by failing the request. Expected failures are values in the services.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// A unique or foreign-key constraint was violated: callers can turn this into a friendly message.
class ConstraintError : public Error {
 public:
  using Error::Error;
};

// The database works but could not serve in time: the site is overloaded, not broken (the web
// layer answers 503 with Retry-After).
class Overloaded : public Error {
 public:
  using Error::Error;
};
// No connection of the pool came free in time.
class PoolTimeout : public Overloaded {
 public:
  using Overloaded::Overloaded;
};
// A statement waited past the busy timeout for another writer's lock (SQLite's one writer).
class LockTimeout : public Overloaded {
 public:
  using Overloaded::Overloaded;
};

struct Null {};
using Value = std::variant<Null, std::int64_t, double, std::string>;

template <typename T>
Value opt(const std::optional<T>& v) {
  if (!v) return Null{};
  return Value(*v);
}

// NULL for an empty text: for optional columns a form leaves blank.
inline Value text_or_null(const std::string& s) { return s.empty() ? Value(Null{}) : Value(s); }

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  bool is_null(std::size_t i) const { return !cells_.at(i).has_value(); }
  const std::string& text(std::size_t i) const;  // "" for NULL
  std::int64_t int64(std::size_t i) const;       // 0 for NULL
  double real(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const { return cells_.at(i); }
  std::optional<std::int64_t> opt_int64(std::size_t i) const;
  std::size_t size() const { return cells_.size(); }

 private:
  std::vector<std::optional<std::string>> cells_;
};

using Params = std::vector<Value>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement and returns its rows (also for INSERT ... RETURNING).
  virtual std::vector<Row> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement; returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  // Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking).
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool in_transaction() const = 0;

  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  std::int64_t query_int(std::string_view sql, const Params& params = {});
};

// RAII transaction: rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) { c_.begin(); }
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Connection& c_;
  bool done_ = false;
};

// A bounded pool of connections to one database; thread-safe.
class Database {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;
  // `acquire_timeout`: how long acquire() waits for a free connection before PoolTimeout.
  Database(Dialect dialect, std::string description, Factory factory, std::size_t max_connections,
           std::chrono::milliseconds acquire_timeout = std::chrono::seconds(30));
  ~Database();

  class Lease {
   public:
    Lease(Database* db, std::unique_ptr<Connection> c) : db_(db), c_(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Connection* operator->() const { return c_.get(); }
    Connection& operator*() const { return *c_; }

   private:
    Database* db_;
    std::unique_ptr<Connection> c_;
  };

  // Waits for a free connection (or opens one while under the limit), at most the acquire
  // timeout; then throws PoolTimeout.
  Lease acquire();
  Dialect dialect() const { return dialect_; }
  // For logs and messages: never contains a password.
  const std::string& description() const { return description_; }

 private:
  void release(std::unique_ptr<Connection> c);
  Dialect dialect_;
  std::string description_;
  Factory factory_;
  std::size_t max_;
  std::chrono::milliseconds acquire_timeout_;
  std::size_t open_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable cv_;
};

// Opens the database named by `url`: "postgresql://..." / "postgres://..." for PostgreSQL,
// "sqlite:PATH" or a plain path for SQLite. Throws db::Error with a message fit for an operator.
std::unique_ptr<Database> open_database(const std::string& url, std::size_t max_connections = 8);

// Hides the password in a PostgreSQL URL for logs.
std::string redact_url(const std::string& url);

}  // namespace db
