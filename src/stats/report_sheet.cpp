#include "stats/report_sheet.h"

#include "core/utf8.h"

#include <fmt/format.h>

#include <set>

namespace stats {

namespace {

constexpr std::size_t kListedProblems = 20;

std::string trimmed(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string as_text(const core::Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return trimmed(*s);
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
  return "";
}

}  // namespace

std::vector<core::Table> report_sheet(const ReportForm& form) {
  core::Table figures{"Số liệu", {kCodeColumn, "Nhóm", "Chỉ tiêu", "Đơn vị tính", kFigureColumn}, {}};
  for (const auto& i : form.indicators) {
    core::Cell value;
    if (auto start = starting_figure(form, i.code)) value = *start;
    figures.rows.push_back({i.code, i.group, i.name, i.measure, value});
  }
  core::Table help{"Hướng dẫn", {"Hướng dẫn nhập số liệu"}, {}};
  for (const auto* line : {"Ghi số liệu vào cột «Số liệu»: số nguyên không âm; ô để trống được tính là 0.",
                           "Không sửa cột «Mã chỉ tiêu»; có thể xóa dòng không có số liệu.",
                           "«Trong đó» không được lớn hơn chỉ tiêu tổng của nó.",
                           "Nhập tệp ở trang báo cáo của đơn vị: số liệu được lưu nháp để kiểm tra trước khi gửi duyệt."})
    help.rows.push_back({std::string(line)});
  help.rows.push_back({fmt::format("Kỳ báo cáo: {} ({}). Đơn vị: {} ({}).", form.period.name, form.period.code, form.unit.name, form.unit.code)});
  return {figures, help};
}

SheetFigures read_report_sheet(const std::vector<core::Table>& sheets, const std::vector<Indicator>& indicators) {
  SheetFigures out;
  if (sheets.empty()) {
    out.problems.push_back("Bảng tính không có trang nào.");
    return out;
  }
  const auto& sheet = sheets.front();
  std::optional<std::size_t> code_at, figure_at;
  for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
    const auto header = trimmed(sheet.headers[c]);
    if (header == kCodeColumn && !code_at) code_at = c;
    if (header == kFigureColumn && !figure_at) figure_at = c;
  }
  if (!code_at || !figure_at) {
    out.problems.push_back(fmt::format("Dòng 1 của trang đầu phải có cột «{}» và cột «{}»: hãy dùng tệp mẫu.", kCodeColumn, kFigureColumn));
    return out;
  }
  std::set<std::string> known;
  for (const auto& i : indicators) known.insert(i.code);
  auto problem = [&](std::string text) {
    if (out.problems.size() < kListedProblems) out.problems.push_back(std::move(text));
  };
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    const auto line = r + 2;
    const auto code = as_text(row[*code_at]);
    if (code.empty()) continue;
    if (!known.contains(code)) {
      problem(fmt::format("Dòng {}: không có chỉ tiêu mã «{}» trong danh mục.", line, core::utf8_prefix(code, 40)));
      continue;
    }
    if (out.typed.contains(code)) {
      problem(fmt::format("Dòng {}: chỉ tiêu {} đã có ở dòng trước.", line, code));
      continue;
    }
    const auto& cell = row[*figure_at];
    if (std::holds_alternative<double>(cell)) {
      problem(fmt::format("Dòng {}: số liệu của {} phải là số nguyên.", line, code));
      continue;
    }
    out.typed[code] = as_text(cell);
  }
  return out;
}

}  // namespace stats
