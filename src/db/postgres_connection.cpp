#include "db/postgres_connection.h"

#include <libpq-fe.h>

#include <memory>

namespace db {

namespace {
struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

[[noreturn]] void fail(PGresult* res, pg_conn* conn, std::string_view what) {
  std::string msg = std::string(what) + ": " + (res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  // Class 23: integrity constraint violation.
  if (state && std::string_view(state).starts_with("23")) throw ConstraintError(msg);
  throw Error(msg);
}

Result run(pg_conn* conn, std::string_view sql, const Params& params) {
  std::string text = number_placeholders(sql);
  std::vector<std::string> storage(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& v = params[i];
    if (std::holds_alternative<Null>(v)) continue;
    if (auto* n = std::get_if<std::int64_t>(&v)) storage[i] = std::to_string(*n);
    else if (auto* d = std::get_if<double>(&v)) storage[i] = std::to_string(*d);
    else storage[i] = std::get<std::string>(v);
    values[i] = storage[i].c_str();
  }
  Result res(PQexecParams(conn, text.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr,
                          nullptr, 0));
  auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(res.get(), conn, "query");
  return res;
}
}  // namespace

std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      auto end = sql.find(c, i + 1);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      auto end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

namespace {
// One libpq connection: see postgres_connection.h.
class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = "cannot connect to PostgreSQL at " + redact_url(url) + ": " + PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      throw Error(msg);
    }
    execute_script("SET client_min_messages = warning; SET TIME ZONE 'UTC';");
  }
  ~PostgresConnection() override {
    if (conn_) PQfinish(conn_);
  }

  Dialect dialect() const override { return Dialect::postgres; }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    Result res = run(conn_, sql, params);
    int nrows = PQntuples(res.get());
    int ncols = PQnfields(res.get());
    std::vector<Row> rows;
    rows.reserve(nrows);
    for (int r = 0; r < nrows; ++r) {
      std::vector<std::optional<std::string>> cells(ncols);
      for (int c = 0; c < ncols; ++c)
        if (!PQgetisnull(res.get(), r, c)) cells[c] = std::string(PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c));
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    Result res = run(conn_, sql, params);
    const char* n = PQcmdTuples(res.get());
    return (n && *n) ? std::stoll(n) : 0;
  }

  void execute_script(std::string_view sql) override {
    std::string s(sql);
    Result res(PQexec(conn_, s.c_str()));
    auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(res.get(), conn_, "script");
  }

  void begin() override { execute_script("BEGIN"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override {
    if (in_transaction()) execute_script("ROLLBACK");
  }
  // A failed statement leaves the transaction open (INERROR) until it is rolled back.
  bool in_transaction() const override {
    auto s = PQtransactionStatus(conn_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR;
  }

 private:
  pg_conn* conn_ = nullptr;
};
}  // namespace

std::unique_ptr<Connection> open_postgres_connection(const std::string& url) { return std::make_unique<PostgresConnection>(url); }

}  // namespace db
