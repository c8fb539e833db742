#pragma once
// Reading the spreadsheets officials fill in (import templates) and the workbooks core::to_xlsx
// writes: an .xlsx file (Office Open XML, transitional or strict) as one core::Table per
// worksheet, in the workbook's order (hidden sheets too; chart sheets are left out).
//
// A sheet's row 1 is its header: Table::headers holds row 1 as text (numbers written in decimal,
// an empty cell as ""), Table::rows the rows below, so rows[i] is the sheet's row i + 2. Cells
// keep their columns: index 0 is column A. headers and every row have the same length, the
// sheet's width (the last column holding a value anywhere in the sheet); rows stop at the last
// row holding a value, and an empty row or cell in between is there, as empty cells.
//
// Cells: text (shared, inline or a formula's text result) as std::string, exactly as stored
// (spaces and line breaks kept, OOXML's _xHHHH_ escapes decoded); an empty text is an empty cell
// (std::monostate). Numbers with an integral value (up to 2^53 in magnitude) as std::int64_t,
// others as double; dates are numbers too (Excel's serial days). Booleans as std::int64_t 0 or 1.
// Errors (#N/A, #DIV/0!...) and ISO dates (t="d") as their text. Formulas give their cached
// value; a cell without a value is empty. Styles, merged cells and comments are ignored.
//
// XML is parsed by expat, with no document type allowed: a DOCTYPE is refused (corrupt), so no
// entity other than XML's five is ever expanded.
#include "core/spreadsheet.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// Why a file was refused, for the caller to turn into a message for the person who uploaded it.
enum class XlsxFailure {
  not_a_zip,         // not a ZIP archive at all: a CSV, a PDF, random bytes
  xls_or_encrypted,  // an OLE2 compound file: an Excel 97-2003 .xls, or an .xlsx with a password
  not_xlsx,          // a ZIP archive without a workbook (a .docx, an .ods), or one with no worksheet
  unsupported,       // a ZIP feature left out: ZIP64, an encrypted entry, a compression other than deflate
  too_large,         // a budget of XlsxLimits (or kMaxZipEntries entries) passed
  corrupt,           // a truncated or damaged file, XML that is not well-formed, a DOCTYPE, a bad cell reference
};

// Budgets against hostile files; the defaults suit an import template.
struct XlsxLimits {
  std::size_t max_part_bytes = 50 << 20;    // one XML part (workbook, shared strings, a sheet), uncompressed
  std::size_t max_total_bytes = 200 << 20;  // all the parts read, uncompressed; also all the text returned
  std::size_t max_cells = 1'000'000;        // headers and rows of every sheet, empty cells included; also caps the shared strings
  std::size_t max_string_bytes = 32'767 * 3;  // one text, in UTF-8 bytes (Excel holds 32,767 characters)
};

// Why the file was refused, in Vietnamese, for the person who uploaded it.
std::string xlsx_failure_message(XlsxFailure failure);

// Every worksheet of the workbook in `bytes`. Memory stays within the limits: about one part's
// bytes at a time, plus the cells (each counted in max_cells) and the shared strings.
tl::expected<std::vector<Table>, XlsxFailure> read_xlsx(std::string_view bytes, const XlsxLimits& limits = {});

}  // namespace core
