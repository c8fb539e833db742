#include "stats/exchange.h"

#include "core/random.h"
#include "core/time.h"
#include "core/utf8.h"
#include "stats/report_rules.h"
#include "units/unit_import.h"

#include <fmt/format.h>

#include <regex>
#include <set>

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

// What `revision` hashes: the figures and the units below, as compact JSON (keys sorted).
std::string revision_text(const nlohmann::json& totals, const nlohmann::json& below) {
  return totals.dump() + below.dump();
}

constexpr std::size_t kMaxIndicators = 500;
// A rolled-up figure: the sum of many units' figures (each at most kMaxFigure), so larger.
constexpr std::int64_t kMaxRolledUpFigure = 1'000'000'000'000'000'000;

core::ServiceError bad_document(const std::string& what) {
  return core::ServiceError::invalid("Tài liệu báo cáo không hợp lệ: " + what + ".");
}

// A string member of `object` of 1 to `max` bytes of UTF-8, or nullopt.
std::optional<std::string> text_member(const nlohmann::json& object, const char* name, std::size_t max) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  const auto& text = it->get_ref<const std::string&>();
  if (text.empty() || text.size() > max || !core::is_valid_utf8(text)) return std::nullopt;
  return text;
}

}  // namespace

core::Result<IncomingReport> read_exchange_document(const nlohmann::json& doc) {
  static const std::regex indicator_code(R"([A-Z0-9_]{1,40})");
  static const std::regex hex64("[0-9a-f]{64}");
  if (!doc.is_object()) return tl::unexpected(bad_document("phải là một đối tượng JSON"));
  if (text_member(doc, "format", 100) != std::string(kExchangeFormat))
    return tl::unexpected(bad_document(fmt::format("\"format\" phải là \"{}\"", kExchangeFormat)));
  if (auto v = doc.find("version"); v == doc.end() || !v->is_number_integer() || v->get<std::int64_t>() != kExchangeVersion)
    return tl::unexpected(bad_document(fmt::format("\"version\" phải là {}", kExchangeVersion)));
  IncomingReport in;
  auto province = text_member(doc, "province", 20);
  if (!province || !units::is_unit_code(*province)) return tl::unexpected(bad_document("\"province\" không phải mã tỉnh, thành phố"));
  in.province = *province;
  auto period = doc.find("period");
  auto unit = doc.find("unit");
  if (period == doc.end() || !period->is_object()) return tl::unexpected(bad_document("thiếu \"period\""));
  if (unit == doc.end() || !unit->is_object()) return tl::unexpected(bad_document("thiếu \"unit\""));
  auto period_code = text_member(*period, "code", 20);
  auto period_name = text_member(*period, "name", 200);
  if (!period_code || !standard_period(*period_code) || !period_name)
    return tl::unexpected(bad_document("\"period\" phải có \"code\" dạng 2026-H1, 2026-H2 hoặc 2026 và \"name\""));
  in.period_code = *period_code;
  in.period_name = *period_name;
  auto unit_code = text_member(*unit, "code", 20);
  auto unit_name = text_member(*unit, "name", 300);
  if (!unit_code || !unit_name) return tl::unexpected(bad_document("\"unit\" phải có \"code\" và \"name\""));
  if (*unit_code != in.province) return tl::unexpected(bad_document("chỉ nhận báo cáo của cả tỉnh, thành phố (\"unit.code\" bằng \"province\")"));
  in.province_name = *unit_name;
  auto key = text_member(doc, "report_key", 100);
  if (key != fmt::format("{}:{}:{}", in.province, in.period_code, *unit_code))
    return tl::unexpected(bad_document("\"report_key\" phải là \"<province>:<period.code>:<unit.code>\""));
  in.report_key = *key;

  auto indicators = doc.find("indicators");
  auto figures = doc.find("figures");
  auto below = doc.find("units_below");
  if (indicators == doc.end() || !indicators->is_array() || indicators->empty() || indicators->size() > kMaxIndicators)
    return tl::unexpected(bad_document(fmt::format("\"indicators\" phải là danh sách từ 1 đến {} chỉ tiêu", kMaxIndicators)));
  if (figures == doc.end() || !figures->is_object()) return tl::unexpected(bad_document("thiếu \"figures\""));
  if (below == doc.end() || !below->is_array()) return tl::unexpected(bad_document("thiếu \"units_below\""));
  std::set<std::string> seen;
  for (const auto& item : *indicators) {
    if (!item.is_object()) return tl::unexpected(bad_document("mỗi chỉ tiêu phải là một đối tượng"));
    auto code = text_member(item, "code", 40);
    auto name = text_member(item, "name", 300);
    if (!code || !std::regex_match(*code, indicator_code) || !name)
      return tl::unexpected(bad_document("mỗi chỉ tiêu phải có \"code\" (A–Z, 0–9, «_») và \"name\""));
    if (!seen.insert(*code).second) return tl::unexpected(bad_document("chỉ tiêu " + *code + " có hai lần"));
    auto value = figures->find(*code);
    if (value == figures->end() || !value->is_number_integer() || value->get<std::int64_t>() < 0 || value->get<std::int64_t>() > kMaxRolledUpFigure)
      return tl::unexpected(bad_document("số liệu của " + *code + " phải là số nguyên từ 0"));
    in.figures.push_back({*code, *name, value->get<std::int64_t>()});
  }
  if (figures->size() != seen.size()) return tl::unexpected(bad_document("\"figures\" có chỉ tiêu không có trong \"indicators\""));
  auto revision = text_member(doc, "revision", 64);
  if (!revision || !std::regex_match(*revision, hex64) ||
      *revision != core::sha256_hex(revision_text(*figures, *below)))
    return tl::unexpected(bad_document("\"revision\" không khớp với số liệu"));
  in.revision = *revision;
  return in;
}

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
      {"revision", core::sha256_hex(revision_text(totals, below))},
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
