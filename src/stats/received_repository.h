#pragma once
// All SQL of reports received from below (migration 0023): received_reports, one per
// report_key, and their figures.
#include "db/database.h"
#include "stats/exchange.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stats {

// A received report without its figures.
struct ReceivedReport {
  std::int64_t id = 0;
  std::string report_key, province, province_name, period_code, period_name, revision;
  int deliveries = 0;
  std::int64_t received_at = 0, updated_at = 0;
};

// A period's figures added up over the provinces that sent it.
struct ReceivedTotal {
  std::string code, name;
  std::int64_t value = 0;
  int provinces = 0;
};

class ReceivedRepository {
 public:
  explicit ReceivedRepository(db::Connection& c) : c_(c) {}

  std::optional<ReceivedReport> find(const std::string& report_key);
  // Inserts a report and its figures (throws db::ConstraintError when its key came in first
  // meanwhile); returns its id.
  std::int64_t insert(const IncomingReport& in, const std::string& document, std::int64_t token_id, std::int64_t now);
  // Puts a new revision in place of the stored one, figures included.
  void replace(std::int64_t id, const IncomingReport& in, const std::string& document, std::int64_t token_id, std::int64_t now);
  // One more arrival of the stored revision.
  void count_delivery(std::int64_t id);

  // Periods something was received for, newest code first: (code, name).
  std::vector<std::pair<std::string, std::string>> periods();
  std::vector<ReceivedReport> of_period(const std::string& period_code);
  // Sums per indicator code over the period's reports, in the documents' order of indicators.
  std::vector<ReceivedTotal> totals(const std::string& period_code);

 private:
  void insert_figures(std::int64_t id, const IncomingReport& in);
  db::Connection& c_;
};

}  // namespace stats
