#include "core/spreadsheet.h"

#include "core/utf8.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace core {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kMaxSheetName = 31;     // Excel's limit, in characters
constexpr std::size_t kMaxCellChars = 32767;  // Excel's limit for one cell's text
constexpr double kMaxColumnWidth = 60;

std::string csv_cell(const Cell& cell) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(const std::string& s) const { return csv_field(s); }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return std::isfinite(v) ? fmt::format("{}", v) : ""; }
  };
  return std::visit(Visitor{}, cell);
}

void append_line(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += fields[i];
  }
  out += "\r\n";
}

void append_table(std::string& out, const Table& t) {
  std::vector<std::string> line;
  for (const auto& h : t.headers) line.push_back(csv_field(h));
  append_line(out, line);
  for (const auto& row : t.rows) {
    line.clear();
    for (const auto& cell : row) line.push_back(csv_cell(cell));
    append_line(out, line);
  }
}

// Excel refuses sheet names with []:*?/\, names that start or end with an apostrophe, longer
// than 31 characters, or used twice (case-insensitively; ASCII folding is enough for uniqueness
// here since the names come from our own reports).
std::string sheet_name(const std::string& wanted, std::size_t index, std::set<std::string>& used) {
  std::string name;
  for (char c : wanted)
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) name += c;
  while (!name.empty() && name.front() == '\'') name.erase(name.begin());
  while (!name.empty() && name.back() == '\'') name.pop_back();
  if (name.empty()) name = "Bảng " + std::to_string(index + 1);
  name = utf8_prefix(name, kMaxSheetName);
  auto key = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  };
  std::string candidate = name;
  for (int n = 2; used.count(key(candidate)); ++n) {
    std::string suffix = " (" + std::to_string(n) + ")";
    candidate = utf8_prefix(name, kMaxSheetName - suffix.size()) + suffix;
  }
  used.insert(key(candidate));
  return candidate;
}

void check(lxw_error err, const char* what) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(fmt::format("xlsx: {}: {}", what, lxw_strerror(err)));
}

// A directory only this process writes to, removed with everything in it.
struct PrivateTempDir {
  fs::path path;
  PrivateTempDir() {
    std::string templ = (fs::temp_directory_path() / "phobien-xlsx-XXXXXX").string();
    if (!mkdtemp(templ.data())) throw std::runtime_error("xlsx: cannot create a temporary directory");
    path = templ;
  }
  ~PrivateTempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write_sheet(lxw_workbook* wb, lxw_format* bold, const Table& t, const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw std::runtime_error("xlsx: cannot add sheet " + name);
  std::size_t columns = t.headers.size();
  for (const auto& row : t.rows) columns = std::max(columns, row.size());
  std::vector<double> widths(columns, 8);
  auto widen = [&](std::size_t col, const std::string& s) {
    widths[col] = std::min(kMaxColumnWidth, std::max(widths[col], static_cast<double>(utf8_length(s)) + 2));
  };
  for (std::size_t c = 0; c < t.headers.size(); ++c) {
    check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), utf8_prefix(t.headers[c], kMaxCellChars).c_str(), bold),
          "header");
    widen(c, t.headers[c]);
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      const Cell& cell = t.rows[r][c];
      if (const auto* s = std::get_if<std::string>(&cell)) {
        if (s->empty()) continue;
        check(worksheet_write_string(ws, row, col, utf8_prefix(*s, kMaxCellChars).c_str(), nullptr), "cell");
        widen(c, *s);
      } else if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        check(worksheet_write_number(ws, row, col, static_cast<double>(*i), nullptr), "cell");
        widen(c, std::to_string(*i));
      } else if (const auto* d = std::get_if<double>(&cell); d && std::isfinite(*d)) {
        check(worksheet_write_number(ws, row, col, *d, nullptr), "cell");
        widen(c, fmt::format("{}", *d));
      }
    }
  }
  for (std::size_t c = 0; c < columns; ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
  if (!t.headers.empty()) worksheet_freeze_panes(ws, 1, 0);
}

}  // namespace

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string to_csv(const Table& table) {
  std::string out(kBom);
  append_table(out, table);
  return out;
}

std::string to_csv(const std::vector<Table>& tables) {
  std::string out(kBom);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i) out += "\r\n";
    if (!tables[i].name.empty()) append_line(out, {csv_field(tables[i].name)});
    append_table(out, tables[i]);
  }
  return out;
}

std::string to_xlsx(const std::vector<Table>& tables) {
  PrivateTempDir dir;
  const fs::path file = dir.path / "bang.xlsx";
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = const_cast<char*>(dir.path.c_str());  // libxlsxwriter's own scratch files go there too
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) throw std::runtime_error("xlsx: cannot create the workbook");
  try {
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    std::set<std::string> used;
    for (std::size_t i = 0; i < tables.size(); ++i) write_sheet(wb, bold, tables[i], sheet_name(tables[i].name, i, used));
    if (tables.empty()) workbook_add_worksheet(wb, nullptr);  // a workbook needs one sheet
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), "close");
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) throw std::runtime_error("xlsx: cannot read the written workbook back");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace core
