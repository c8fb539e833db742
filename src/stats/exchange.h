#pragma once
// The exchange format for sending approved PBGDPL figures upwards (to the Ministry of Justice or
// the national PBGDPL portal), also what GET /api/v1/stats/reports returns. Its JSON Schema is
// docs/schemas/stats-exchange.schema.json and docs/api.md describes it.
//
// `report_key` ("<province>:<period>:<unit>") names the report: a receiver keeps one report per
// key, so a report sent twice is counted once; `revision` (SHA-256 of the figures) tells a
// corrected report from a repeated one.
#include "stats/report_service.h"

#include <nlohmann/json.hpp>

namespace stats {

inline constexpr const char* kExchangeFormat = "phobien.pbgdpl-report";
inline constexpr int kExchangeVersion = 1;

nlohmann::json exchange_document(const ApprovedFigures& figures, const std::string& province_code, std::int64_t now);

}  // namespace stats
