#include "stats/report_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

namespace stats {

namespace {

// "1200", "1.200", "1 200 000" → the number; nullopt for anything else.
std::optional<std::int64_t> parse_figure(const std::string& text, std::string& problem) {
  static const std::regex plain(R"(\d{1,15})");
  static const std::regex grouped(R"(\d{1,3}([. ]\d{3}){1,4})");
  if (!text.empty() && text[0] == '-') {
    problem = "không được là số âm";
    return std::nullopt;
  }
  if (!std::regex_match(text, plain) && !std::regex_match(text, grouped)) {
    problem = "phải là số nguyên không âm, ví dụ 120 hoặc 1.200.000";
    return std::nullopt;
  }
  std::int64_t v = 0;
  for (char ch : text)
    if (ch >= '0' && ch <= '9') v = v * 10 + (ch - '0');
  if (v > kMaxFigure) {
    problem = "quá lớn";
    return std::nullopt;
  }
  return v;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

std::map<std::string, std::string> check_figures(const std::vector<Indicator>& indicators, const Figures& figures) {
  std::map<std::string, std::string> problems;
  std::map<std::string, const Indicator*> by_code;
  for (const auto& i : indicators) by_code[i.code] = &i;
  for (const auto& [code, value] : figures) {
    if (!by_code.count(code)) problems[code] = "không có chỉ tiêu mang mã này";
    else if (value < 0) problems[code] = "không được là số âm";
    else if (value > kMaxFigure) problems[code] = "quá lớn";
  }
  for (const auto& i : indicators) {
    if (i.part_of.empty() || problems.count(i.code)) continue;
    auto part = figures.find(i.code);
    auto total = figures.find(i.part_of);
    auto whole = by_code.find(i.part_of);
    if (part == figures.end() || total == figures.end() || whole == by_code.end()) continue;
    if (part->second > total->second)
      problems[i.code] = fmt::format("({}) không được lớn hơn «{}» ({})", part->second, whole->second->name, total->second);
  }
  return problems;
}

ReadFigures read_figures(const std::vector<Indicator>& indicators, const std::map<std::string, std::string>& raw) {
  ReadFigures out;
  for (const auto& i : indicators) {
    if (!i.active) continue;
    auto it = raw.find(i.code);
    const std::string text = it == raw.end() ? "" : trim(it->second);
    if (text.empty()) {
      out.figures[i.code] = 0;
      continue;
    }
    std::string problem;
    if (text.size() > 32) problem = "quá dài";
    else if (auto v = parse_figure(text, problem)) out.figures[i.code] = *v;
    if (!problem.empty()) out.problems[i.code] = problem;
  }
  // Parts against totals, among the figures that could be read.
  for (auto& [code, problem] : check_figures(indicators, out.figures)) out.problems.emplace(code, problem);
  return out;
}

std::map<std::string, std::string> check_indicator(const Indicator& in, const std::vector<Indicator>& catalogue,
                                                   const std::vector<std::string>& source_keys, bool is_new) {
  static const std::regex code_shape(R"([A-Z0-9_]{1,40})");
  std::map<std::string, std::string> problems;
  auto find = [&](const std::string& code) -> const Indicator* {
    for (const auto& i : catalogue)
      if (i.code == code) return &i;
    return nullptr;
  };
  if (!std::regex_match(in.code, code_shape)) problems["code"] = "Mã gồm 1 đến 40 ký tự A–Z, 0–9 hoặc «_», ví dụ TT_SO_CUOC.";
  else if (is_new && find(in.code)) problems["code"] = "Mã này đã có trong danh mục.";
  if (in.group.empty() || in.group.size() > 300) problems["group"] = "Nhóm chỉ tiêu phải có từ 1 đến 300 ký tự.";
  if (in.name.empty() || in.name.size() > 300) problems["name"] = "Tên chỉ tiêu phải có từ 1 đến 300 ký tự.";
  if (in.measure.empty() || in.measure.size() > 50) problems["measure"] = "Đơn vị tính phải có từ 1 đến 50 ký tự, ví dụ «cuộc».";
  if (!in.part_of.empty()) {
    const Indicator* total = find(in.part_of);
    if (!total || in.part_of == in.code) problems["part_of"] = "Hãy chọn một chỉ tiêu khác trong danh mục.";
    else if (!total->part_of.empty()) problems["part_of"] = "«" + total->name + "» đã là một phần của chỉ tiêu khác.";
  }
  if (!in.source_key.empty() && std::find(source_keys.begin(), source_keys.end(), in.source_key) == source_keys.end())
    problems["source_key"] = "Nguồn số liệu không có trong hệ thống.";
  if (in.position < 0 || in.position > 100000) problems["position"] = "Thứ tự phải từ 0 đến 100.000.";
  return problems;
}

bool can_read(const ReportActor& actor, const units::UnitTree& tree, const std::string& unit) {
  if (!tree.contains(unit)) return false;
  if (actor.role == auth::Role::admin) return true;
  if (actor.role != auth::Role::reporter && actor.role != auth::Role::approver) return false;
  return actor.unit && tree.is_within(unit, *actor.unit);
}

bool can_enter(const ReportActor& actor, const units::UnitTree& tree, const std::string& unit) {
  if (!tree.contains(unit)) return false;
  if (actor.role == auth::Role::admin) return true;
  return actor.role == auth::Role::reporter && actor.unit == unit;
}

bool can_approve(const ReportActor& actor, const units::UnitTree& tree, const std::string& unit) {
  if (!tree.contains(unit)) return false;
  if (actor.role == auth::Role::admin) return true;
  return actor.role == auth::Role::approver && actor.unit && tree.is_below(unit, *actor.unit);
}

bool editable(ReportStatus s) { return s == ReportStatus::draft || s == ReportStatus::returned; }
bool can_submit(ReportStatus s) { return editable(s); }
bool can_decide(ReportStatus s) { return s == ReportStatus::submitted; }

RollUp roll_up(const units::UnitTree& tree, const std::map<std::string, Figures>& approved, const std::string& unit) {
  RollUp out;
  for (const auto& [u, depth] : tree.walk(unit)) {
    ++out.units;
    auto it = approved.find(u->code);
    if (it == approved.end()) continue;
    ++out.approved;
    for (const auto& [code, value] : it->second) out.totals[code] += value;
  }
  return out;
}

std::optional<ReportPeriod> standard_period(const std::string& code) {
  static const std::regex shape(R"((20\d\d)(-H([12]))?)");
  std::smatch m;
  if (!std::regex_match(code, m, shape)) return std::nullopt;
  const int year = std::stoi(m[1]);
  ReportPeriod p;
  p.code = code;
  if (!m[2].matched) {
    p.name = fmt::format("Năm {}", year);
    p.starts_on = fmt::format("{}-01-01", year);
    p.ends_on = fmt::format("{}-12-31", year);
    p.due_on = fmt::format("{}-01-15", year + 1);
  } else if (m[3] == "1") {
    p.name = fmt::format("6 tháng đầu năm {}", year);
    p.starts_on = fmt::format("{}-01-01", year);
    p.ends_on = fmt::format("{}-06-30", year);
    p.due_on = fmt::format("{}-07-15", year);
  } else {
    p.name = fmt::format("6 tháng cuối năm {}", year);
    p.starts_on = fmt::format("{}-07-01", year);
    p.ends_on = fmt::format("{}-12-31", year);
    p.due_on = fmt::format("{}-01-15", year + 1);
  }
  return p;
}

bool late(const ReportPeriod& period, std::optional<ReportStatus> status, const std::string& today) {
  if (status == ReportStatus::submitted || status == ReportStatus::approved) return false;
  return today > period.due_on;
}

}  // namespace stats
