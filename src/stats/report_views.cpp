#include "stats/report_views.h"

#include "core/time.h"
#include "stats/period.h"

namespace stats {

std::string periods_url() { return "/quan-tri/bao-cao"; }
std::string period_url(const std::string& period_code) { return periods_url() + "/" + period_code; }
std::string report_url(const std::string& period_code, const std::string& unit_code) {
  return period_url(period_code) + "/" + unit_code;
}

namespace {

// "2026-07-15" → "15/07/2026".
std::string vn_date(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

nlohmann::json status_view(std::optional<ReportStatus> status) {
  if (!status) return {{"label", "Chưa nhập"}, {"slug", "none"}};
  return {{"label", std::string(status_label(*status))}, {"slug", std::string(status_slug(*status))}};
}

nlohmann::json period_view(const ReportPeriod& p) {
  return {{"code", p.code},
          {"name", p.name},
          {"starts_on", vn_date(p.starts_on)},
          {"ends_on", vn_date(p.ends_on)},
          {"due_on", vn_date(p.due_on)},
          {"locked", p.locked_at.has_value()},
          {"url", period_url(p.code)}};
}

}  // namespace

nlohmann::json periods_view(const std::vector<PeriodLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : lines) {
    auto v = period_view(line.period);
    v["own_status"] = status_view(line.own_status);
    v["own_late"] = line.own_late;
    out.push_back(std::move(v));
  }
  return out;
}

nlohmann::json figure_groups_view(const std::vector<Indicator>& indicators, const Figures& values) {
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& i : indicators) {
    if (groups.empty() || groups.back()["name"] != i.group) groups.push_back({{"name", i.group}, {"rows", nlohmann::json::array()}});
    auto it = values.find(i.code);
    groups.back()["rows"].push_back({{"code", i.code},
                                     {"name", i.name},
                                     {"measure", i.measure},
                                     {"part", !i.part_of.empty()},
                                     {"value", count_text(it == values.end() ? 0 : it->second)}});
  }
  return groups;
}

nlohmann::json overview_view(const PeriodOverview& o) {
  nlohmann::json units = nlohmann::json::array();
  for (const auto& line : o.units)
    units.push_back({{"code", line.unit.code},
                     {"name", line.unit.name},
                     {"level", std::string(units::level_label(line.unit.level))},
                     {"indent", line.depth},
                     {"status", status_view(line.status)},
                     {"late", line.late},
                     {"url", report_url(o.period.code, line.unit.code)}});
  return {{"period", period_view(o.period)},
          {"unit", {{"code", o.unit.code}, {"name", o.unit.name}}},
          {"units", units},
          {"late_units", o.late_units},
          {"unit_count", o.rolled_up.units},
          {"approved_count", o.rolled_up.approved},
          {"groups", figure_groups_view(o.indicators, o.rolled_up.totals)}};
}

nlohmann::json dispatches_view(const std::vector<Dispatch>& dispatches) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : dispatches) {
    std::string state = d.status == DispatchStatus::sent     ? "Đã gửi"
                        : d.status == DispatchStatus::failed ? "Không gửi được"
                        : d.attempts > 0                     ? "Đang chờ gửi lại"
                                                             : "Đang chờ gửi";
    std::string receipt;
    if (d.receipt == "created") receipt = "Nơi nhận đã ghi nhận báo cáo.";
    else if (d.receipt == "replaced") receipt = "Nơi nhận đã thay số liệu gửi trước bằng số liệu này.";
    else if (d.receipt == "unchanged") receipt = "Nơi nhận đã có đúng số liệu này (không tính hai lần).";
    out.push_back({{"created", core::format_vn_datetime(d.created_at)},
                   {"state", state},
                   {"slug", d.status == DispatchStatus::sent ? "sent" : d.status == DispatchStatus::failed ? "failed" : "waiting"},
                   {"attempts", d.attempts},
                   {"by_lock", d.on_lock},
                   {"sent", d.sent_at ? core::format_vn_datetime(*d.sent_at) : ""},
                   {"receipt", receipt},
                   {"error", d.status == DispatchStatus::sent ? "" : d.last_error.value_or("")},
                   {"revision", d.revision.substr(0, 12)}});
  }
  return out;
}

nlohmann::json report_form_view(const ReportForm& form, const std::map<std::string, std::string>& typed,
                                const std::map<std::string, std::string>& problems) {
  const Figures stored = form.report ? form.report->figures : Figures{};
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& i : form.indicators) {
    if (groups.empty() || groups.back()["name"] != i.group) groups.push_back({{"name", i.group}, {"rows", nlohmann::json::array()}});
    nlohmann::json row = {{"code", i.code}, {"name", i.name}, {"measure", i.measure}, {"part", !i.part_of.empty()}};
    auto counted = form.counted.find(i.code);
    if (counted != form.counted.end()) row["counted"] = count_text(counted->second);
    // The value shown: what was typed, else what is stored, else (a new report) what the
    // platform counted, for the reporter to confirm.
    if (auto t = typed.find(i.code); t != typed.end()) row["value"] = t->second;
    else if (auto start = starting_figure(form, i.code)) row["value"] = std::to_string(*start);
    else row["value"] = form.report ? "0" : "";
    if (auto s = stored.find(i.code); s != stored.end()) row["shown"] = count_text(s->second);
    else row["shown"] = "—";
    if (auto p = problems.find(i.code); p != problems.end()) row["error"] = p->second;
    groups.back()["rows"].push_back(std::move(row));
  }
  nlohmann::json v = {{"period", period_view(form.period)},
                      {"unit", {{"code", form.unit.code}, {"name", form.unit.name}, {"level", std::string(units::level_label(form.unit.level))}}},
                      {"groups", groups},
                      {"may_enter", form.may_enter},
                      {"may_decide", form.may_decide},
                      {"action", report_url(form.period.code, form.unit.code)},
                      {"version", form.report ? form.report->version : 0},
                      {"status", status_view(form.report ? std::optional(form.report->status) : std::nullopt)},
                      {"note", form.report ? form.report->note : ""}};
  if (form.report) {
    const auto& r = *form.report;
    if (r.submitted_at) v["submitted_at"] = core::format_vn_datetime(*r.submitted_at);
    if (r.approved_at) v["approved_at"] = core::format_vn_datetime(*r.approved_at);
    v["approved_by"] = r.approved_by;
    v["return_reason"] = r.return_reason;
    v["updated_at"] = core::format_vn_datetime(r.updated_at);
  }
  if (form.has_units_below) {
    v["rolled_up"] = {{"unit_count", form.rolled_up.units},
                      {"approved_count", form.rolled_up.approved},
                      {"groups", figure_groups_view(form.indicators, form.rolled_up.totals)}};
  }
  return v;
}

std::vector<core::Table> period_tables(const PeriodOverview& o, const ApprovedFigures& a) {
  core::Table figures{"Tổng hợp", {"Mã chỉ tiêu", "Nhóm", "Chỉ tiêu", "Đơn vị tính", a.unit.name + " (tổng hợp)"}, {}};
  for (const auto& [unit, rolled] : a.below) figures.headers.push_back(unit.name);
  auto value = [](const Figures& f, const std::string& code) -> core::Cell {
    auto it = f.find(code);
    return it == f.end() ? std::int64_t{0} : it->second;
  };
  for (const auto& i : a.indicators) {
    std::vector<core::Cell> row{i.code, i.group, i.name, i.measure, value(a.total.totals, i.code)};
    for (const auto& [unit, rolled] : a.below) row.push_back(value(rolled.totals, i.code));
    figures.rows.push_back(std::move(row));
  }
  core::Table progress{"Tình hình báo cáo", {"Mã đơn vị", "Đơn vị", "Cấp", "Trạng thái", "Quá hạn"}, {}};
  for (const auto& line : o.units)
    progress.rows.push_back({line.unit.code, std::string(line.depth, ' ') + line.unit.name, std::string(units::level_label(line.unit.level)),
                             line.status ? std::string(status_label(*line.status)) : std::string("Chưa nhập"),
                             std::string(line.late ? "Quá hạn" : "")});
  return {figures, progress};
}

nlohmann::json unit_tree_json(const units::UnitTree& tree, const std::string& code) {
  const auto* u = tree.find(code);
  if (!u) return nullptr;
  nlohmann::json children = nlohmann::json::array();
  for (const auto& child : tree.children(code)) children.push_back(unit_tree_json(tree, child));
  return {{"code", u->code}, {"name", u->name}, {"level", std::string(units::level_slug(u->level))}, {"children", children}};
}

}  // namespace stats
