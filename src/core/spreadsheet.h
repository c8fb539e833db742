#pragma once
// Tables for officials to take away: CSV (RFC 4180, UTF-8 with a byte-order mark and CRLF, so
// Excel opens Vietnamese text correctly) and XLSX (libxlsxwriter: bold header row, numbers
// stored as numbers). Reports build a Table and let the route pick the format.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace core {

// An empty cell, text, or a number (integers stay integers in CSV).
using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct Table {
  std::string name;  // the sheet name in XLSX, a title line in a multi-table CSV
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
};

// One field as RFC 4180 wants it: quoted when it has a comma, a double quote, CR or LF, with
// quotes doubled.
std::string csv_field(const std::string& s);

// The table alone: header line, then rows; BOM first, every line ends with CRLF.
std::string to_csv(const Table& table);
// Several tables in one file: each one's name on a line of its own, its header and rows, and an
// empty line between tables. One BOM at the start.
std::string to_csv(const std::vector<Table>& tables);

// The bytes of an .xlsx workbook with one sheet per table (sheet names are cut to Excel's 31
// characters, stripped of []:*?/\ and made unique). Throws std::runtime_error when the workbook
// cannot be written (no space in the temporary directory).
std::string to_xlsx(const std::vector<Table>& tables);

}  // namespace core
