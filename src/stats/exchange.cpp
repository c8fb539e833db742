#include "stats/exchange.h"

#include "core/random.h"
#include "core/time.h"

#include <fmt/format.h>

namespace stats {

namespace {

nlohmann::json unit_json(const units::AdminUnit& u) {
  return {{"code", u.code}, {"name", u.name}, {"level", std::string(units::level_slug(u.level))}};
}

nlohmann::json figures_json(const std::vector<Indicator>& indicators, const Figures& values) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& i : indicators) {
    auto it = values.find(i.code);
    out[i.code] = it == values.end() ? 0 : it->second;
  }
  return out;
}

// "2026-12-06T10:05:00+07:00": ISO 8601 in Vietnam time.
std::string iso_vn(std::int64_t t) { return core::format_vn_datetime_local(t) + ":00+07:00"; }

}  // namespace

nlohmann::json exchange_document(const ApprovedFigures& f, const std::string& province_code, std::int64_t now) {
  nlohmann::json indicators = nlohmann::json::array();
  for (const auto& i : f.indicators) {
    nlohmann::json item = {{"code", i.code}, {"group", i.group}, {"name", i.name}, {"measure", i.measure}};
    item["part_of"] = i.part_of.empty() ? nlohmann::json(nullptr) : nlohmann::json(i.part_of);
    indicators.push_back(std::move(item));
  }
  nlohmann::json below = nlohmann::json::array();
  for (const auto& [unit, rolled] : f.below) {
    auto item = unit_json(unit);
    item["units"] = rolled.units;
    item["approved"] = rolled.approved;
    item["figures"] = figures_json(f.indicators, rolled.totals);
    below.push_back(std::move(item));
  }
  nlohmann::json totals = figures_json(f.indicators, f.total.totals);
  nlohmann::json doc = {
      {"format", kExchangeFormat},
      {"version", kExchangeVersion},
      {"report_key", fmt::format("{}:{}:{}", province_code, f.period.code, f.unit.code)},
      {"revision", core::sha256_hex(totals.dump() + below.dump())},
      {"generated_at", iso_vn(now)},
      {"period", {{"code", f.period.code}, {"name", f.period.name}, {"starts_on", f.period.starts_on}, {"ends_on", f.period.ends_on}}},
      {"province", province_code},
      {"unit", unit_json(f.unit)},
      {"coverage", {{"units", f.total.units}, {"approved", f.total.approved}}},
      {"indicators", indicators},
      {"figures", totals},
      {"units_below", below}};
  return doc;
}

}  // namespace stats
