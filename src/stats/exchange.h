#pragma once
// The exchange format for sending approved PBGDPL figures upwards (to the Ministry of Justice or
// the national PBGDPL portal), also what GET /api/v1/stats/reports returns. Its JSON Schema is
// docs/schemas/stats-exchange.schema.json and docs/api.md describes it.
//
// `report_key` ("<province>:<period>:<unit>") names the report: a receiver keeps one report per
// key, so a report sent twice is counted once; `revision` (SHA-256 of the figures) tells a
// corrected report from a repeated one.
#include "core/error.h"
#include "stats/report_service.h"

#include <nlohmann/json.hpp>

namespace stats {

inline constexpr const char* kExchangeFormat = "phobien.pbgdpl-report";
inline constexpr int kExchangeVersion = 1;

nlohmann::json exchange_document(const ApprovedFigures& figures, const std::string& province_code, std::int64_t now);

// What a receiver keeps of a document sent from below.
struct ReceivedFigure {
  std::string code, name;
  std::int64_t value = 0;
};
struct IncomingReport {
  std::string report_key, province, province_name, period_code, period_name, revision;
  std::vector<ReceivedFigure> figures;  // one per indicator, in the document's order
};

// Reads a document sent from below (POST /api/v1/stats/exchange): the format and version, a
// report_key made of its province, period and unit, a revision that matches its figures, at most
// 500 indicators with well-formed codes and names, and one whole number from 0 per indicator.
// Only a province's report of itself is accepted (unit = province), so a receiver's totals add
// up provinces. A problem comes back as a Vietnamese message naming the field (invalid → 422).
core::Result<IncomingReport> read_exchange_document(const nlohmann::json& doc);

}  // namespace stats
