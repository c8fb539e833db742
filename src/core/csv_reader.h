#pragma once
// Reading CSV files that people save from Excel or LibreOffice: RFC 4180 quoting (fields in
// double quotes may hold the separator, line breaks and doubled quotes), a UTF-8 byte-order mark
// dropped, CRLF or LF line ends, and the separator found from the first line: a comma, or a
// semicolon as Excel writes with Vietnamese regional settings (where the comma is the decimal
// mark). Budgets against hostile files: cells, bytes of one field.
#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct CsvLimits {
  std::size_t max_cells = 500'000;
  std::size_t max_field_bytes = 64 * 1024;
};

enum class CsvFailure { not_utf8, unterminated_quote, too_many_cells, field_too_long };

// Vietnamese, for the error a person sees.
std::string describe(CsvFailure failure);

// Every line's fields, in order; a file ending with a line break has no empty last line.
tl::expected<std::vector<std::vector<std::string>>, CsvFailure> read_csv(std::string_view text, const CsvLimits& limits = {});

}  // namespace core
