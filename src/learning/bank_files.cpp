#include "learning/bank_files.h"

#include "core/csv_reader.h"
#include "core/strings.h"
#include "core/xlsx_reader.h"
#include "learning/bank_sheet.h"

#include <fmt/format.h>

#include <filesystem>

namespace learning {

namespace {

ParsedBank file_problem(std::string message) {
  ParsedBank bank;
  bank.problems.push_back({0, "", std::move(message)});
  return bank;
}

std::string cell_text(const core::Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&cell)) return fmt::format("{}", *d);
  return "";
}

ParsedBank parse_xlsx(std::string_view bytes, const std::string& source) {
  // A bank sheet has at most kMaxBankRows rows of the template's 17 columns: a budget with room
  // for a few more columns, far below the reader's defaults.
  core::XlsxLimits limits;
  limits.max_total_bytes = 100 << 20;
  limits.max_cells = (kMaxBankRows + 1) * 32;
  auto sheets = core::read_xlsx(bytes, limits);
  if (!sheets) return file_problem(core::xlsx_failure_message(sheets.error()));
  const core::Table& sheet = sheets->front();  // the template's question sheet
  std::vector<std::vector<std::string>> rows;
  rows.reserve(sheet.rows.size() + 1);
  rows.push_back(sheet.headers);
  for (const auto& r : sheet.rows) {
    auto& out = rows.emplace_back();
    for (const auto& cell : r) out.push_back(cell_text(cell));
  }
  return parse_bank_sheet(rows, source);
}

}  // namespace

ParsedBank parse_bank_file(std::string_view bytes, const std::string& filename) {
  if (bytes.size() > kMaxBankFileBytes) return file_problem(fmt::format("Tệp lớn quá {} MB.", kMaxBankFileBytes >> 20));
  const std::string source = std::filesystem::path(filename).stem().string();
  ParsedBank bank;
  if (bytes.starts_with("PK")) {
    bank = parse_xlsx(bytes, source);
  } else if (auto first = core::trim(bytes.substr(bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0), " \t\r\n"); first.starts_with("[") || first.starts_with("{")) {
    return parse_alqac_bank(bytes, source);
  } else if (auto rows = core::read_csv(bytes)) {
    bank = parse_bank_sheet(*rows, source);
  } else {
    return file_problem(core::describe(rows.error()));
  }
  bank.row_word = "dòng";
  bank.field_column = "Lĩnh vực";
  bank.articles_column = "Điều";
  return bank;
}

}  // namespace learning
