#pragma once
// Receiving PBGDPL reports from below (a ministry's or the national installation): a province's
// system POSTs its exchange document to /api/v1/stats/exchange with a stats:submit token issued
// for that province. One report is kept per report_key: a repeat of the stored revision is
// counted once (only its delivery is noted), a new revision replaces the old one.
#include "auth/api_tokens.h"
#include "auth/audit_log.h"
#include "core/error.h"
#include "db/database.h"
#include "stats/received_repository.h"

#include <string>
#include <vector>

namespace stats {

struct IntakeReceipt {
  enum class Kind { created, replaced, unchanged };
  Kind kind = Kind::created;
  std::string report_key;
  std::string revision;
};
std::string_view receipt_name(IntakeReceipt::Kind kind);

// A period as received: every province's report and the sums.
struct ReceivedPeriod {
  std::string code, name;
  std::vector<ReceivedReport> reports;
  std::vector<ReceivedTotal> totals;
};

class IntakeService {
 public:
  explicit IntakeService(db::Database& database) : database_(database) {}

  // `body`: the request's JSON. 422 for a malformed or inconsistent document (a Vietnamese
  // message naming the field), 403 when the token was issued for another province. A new or
  // replaced report is audited under `actor` (the sender's address).
  core::Result<IntakeReceipt> receive(const auth::ApiToken& token, const std::string& body, const auth::Actor& actor, std::int64_t now);

  // Periods received, newest first: (code, name).
  std::vector<std::pair<std::string, std::string>> periods();
  // 404 for a period nothing was received for.
  core::Result<ReceivedPeriod> period(const std::string& code);

 private:
  db::Database& database_;
};

}  // namespace stats
