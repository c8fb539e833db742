#include "db/database.h"

#include "db/postgres_connection.h"
#include "db/sqlite_connection.h"

#include <charconv>

namespace db {

const std::string& Row::text(std::size_t i) const {
  static const std::string empty;
  const auto& c = cells_.at(i);
  return c ? *c : empty;
}

std::int64_t Row::int64(std::size_t i) const { return opt_int64(i).value_or(0); }

std::optional<std::int64_t> Row::opt_int64(std::size_t i) const {
  const auto& c = cells_.at(i);
  if (!c) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(c->data(), c->data() + c->size(), v);
  if (ec != std::errc()) throw Error("not an integer: column " + std::to_string(i));
  return v;
}

double Row::real(std::size_t i) const {
  const auto& c = cells_.at(i);
  return c ? std::stod(*c) : 0.0;
}

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::int64_t Connection::query_int(std::string_view sql, const Params& params) {
  auto row = query_one(sql, params);
  return row ? row->int64(0) : 0;
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      c_.rollback();
    } catch (...) {
      // A failed rollback leaves the connection unusable; the pool drops it (see Lease).
    }
  }
}

void Transaction::commit() {
  c_.commit();
  done_ = true;
}

Database::Database(Dialect dialect, std::string description, Factory factory, std::size_t max_connections,
                   std::chrono::milliseconds acquire_timeout)
    : dialect_(dialect), description_(std::move(description)), factory_(std::move(factory)), max_(max_connections),
      acquire_timeout_(acquire_timeout) {}

Database::~Database() = default;

Database::Lease::~Lease() {
  if (db_ && c_) db_->release(std::move(c_));
}

Database::Lease Database::acquire() {
  std::unique_lock lock(mutex_);
  if (!cv_.wait_for(lock, acquire_timeout_, [&] { return !idle_.empty() || open_ < max_; }))
    throw PoolTimeout("no database connection came free within " + std::to_string(acquire_timeout_.count()) + " ms (" +
                      std::to_string(max_) + " in use)");
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(c));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(this, factory_());
  } catch (...) {
    lock.lock();
    --open_;
    cv_.notify_one();
    throw;
  }
}

void Database::release(std::unique_ptr<Connection> c) {
  bool usable = true;
  if (c->in_transaction()) {
    try {
      c->rollback();
    } catch (...) {
      usable = false;
    }
  }
  std::lock_guard lock(mutex_);
  if (usable)
    idle_.push_back(std::move(c));
  else
    --open_;
  cv_.notify_one();
}

std::string redact_url(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  auto at = url.find('@', scheme);
  if (at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

std::unique_ptr<Database> open_database(const std::string& url, std::size_t max_connections) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto factory = [url] { return open_postgres_connection(url); };
    auto database = std::make_unique<Database>(Dialect::postgres, redact_url(url), factory, max_connections);
    database->acquire();  // fail now, with a clear message, if the server is unreachable
    return database;
  }
  std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
  auto factory = [path, writer = std::make_shared<std::timed_mutex>()] { return open_sqlite_connection(path, std::chrono::seconds(10), writer); };
  auto database = std::make_unique<Database>(Dialect::sqlite, "sqlite:" + path, factory, max_connections);
  database->acquire();
  return database;
}

}  // namespace db
