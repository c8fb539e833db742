#include "stats/received_repository.h"

#include "db/rows.h"

namespace stats {

namespace {
constexpr const char* kReceivedColumns =
    "id, report_key, province, province_name, period_code, period_name, revision, deliveries, received_at, updated_at";

const auto read_received = db::into<ReceivedReport>(&ReceivedReport::id, &ReceivedReport::report_key, &ReceivedReport::province,
                                                    &ReceivedReport::province_name, &ReceivedReport::period_code,
                                                    &ReceivedReport::period_name, &ReceivedReport::revision, &ReceivedReport::deliveries,
                                                    &ReceivedReport::received_at, &ReceivedReport::updated_at);
}  // namespace

std::optional<ReceivedReport> ReceivedRepository::find(const std::string& report_key) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kReceivedColumns + " FROM received_reports WHERE report_key = ?", {report_key}),
                     read_received);
}

std::int64_t ReceivedRepository::insert(const IncomingReport& in, const std::string& document, std::int64_t token_id, std::int64_t now) {
  auto id = c_.query_int(
      "INSERT INTO received_reports (report_key, province, province_name, period_code, period_name, revision, document, token_id, "
      "received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {in.report_key, in.province, in.province_name, in.period_code, in.period_name, in.revision, document, token_id, now, now});
  insert_figures(id, in);
  return id;
}

void ReceivedRepository::replace(std::int64_t id, const IncomingReport& in, const std::string& document, std::int64_t token_id,
                                 std::int64_t now) {
  c_.execute(
      "UPDATE received_reports SET province_name = ?, period_name = ?, revision = ?, document = ?, token_id = ?, "
      "deliveries = deliveries + 1, updated_at = ? WHERE id = ?",
      {in.province_name, in.period_name, in.revision, document, token_id, now, id});
  c_.execute("DELETE FROM received_figures WHERE report_id = ?", {id});
  insert_figures(id, in);
}

void ReceivedRepository::count_delivery(std::int64_t id) {
  c_.execute("UPDATE received_reports SET deliveries = deliveries + 1 WHERE id = ?", {id});
}

void ReceivedRepository::insert_figures(std::int64_t id, const IncomingReport& in) {
  std::int64_t position = 0;
  for (const auto& f : in.figures)
    c_.execute("INSERT INTO received_figures (report_id, indicator_code, indicator_name, position, value) VALUES (?, ?, ?, ?, ?)",
               {id, f.code, f.name, position++, f.value});
}

std::vector<std::pair<std::string, std::string>> ReceivedRepository::periods() {
  return db::map_rows(c_.query("SELECT period_code, MAX(period_name) FROM received_reports GROUP BY period_code ORDER BY period_code DESC"),
                      [](const db::Row& r) { return std::pair{r.text(0), r.text(1)}; });
}

std::vector<ReceivedReport> ReceivedRepository::of_period(const std::string& period_code) {
  return db::map_rows(c_.query(std::string("SELECT ") + kReceivedColumns + " FROM received_reports WHERE period_code = ? ORDER BY province",
                               {period_code}),
                      read_received);
}

std::vector<ReceivedTotal> ReceivedRepository::totals(const std::string& period_code) {
  // Provinces' catalogues may differ: an indicator's name is one of those received, its place
  // the earliest it has in any document.
  return db::map_rows(
      c_.query("SELECT f.indicator_code, MAX(f.indicator_name), SUM(f.value), COUNT(*) FROM received_figures f "
               "JOIN received_reports r ON r.id = f.report_id WHERE r.period_code = ? "
               "GROUP BY f.indicator_code ORDER BY MIN(f.position), f.indicator_code",
               {period_code}),
      db::into<ReceivedTotal>(&ReceivedTotal::code, &ReceivedTotal::name, &ReceivedTotal::value, &ReceivedTotal::provinces));
}

}  // namespace stats
