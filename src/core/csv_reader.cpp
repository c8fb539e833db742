#include "core/csv_reader.h"

#include "core/utf8.h"

namespace core {

namespace {

// ';' when the first line has more semicolons than commas outside quotes, else ','.
char separator_of(std::string_view text) {
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char ch : text) {
    if (ch == '"') quoted = !quoted;
    else if (!quoted && (ch == '\n' || ch == '\r')) break;
    else if (!quoted && ch == ',') ++commas;
    else if (!quoted && ch == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

}  // namespace

std::string describe(CsvFailure failure) {
  switch (failure) {
    case CsvFailure::not_utf8: return "Tệp CSV không ở dạng UTF-8: hãy lưu lại với kiểu «CSV UTF-8».";
    case CsvFailure::unterminated_quote: return "Tệp CSV có một ô mở dấu ngoặc kép mà không đóng.";
    case CsvFailure::too_many_cells: return "Tệp CSV có quá nhiều ô; hãy chia thành nhiều tệp.";
    case CsvFailure::field_too_long: return "Tệp CSV có một ô dài quá 64 KB.";
  }
  return "Tệp CSV không đọc được.";
}

tl::expected<std::vector<std::vector<std::string>>, CsvFailure> read_csv(std::string_view text, const CsvLimits& limits) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!is_valid_utf8(text)) return tl::unexpected(CsvFailure::not_utf8);
  const char sep = separator_of(text);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t cells = 0;
  bool quoted = false, line_has_content = false;
  auto end_field = [&]() -> bool {
    if (++cells > limits.max_cells) return false;
    row.push_back(std::move(field));
    field.clear();
    return true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"') {
      quoted = true;
      line_has_content = true;
    } else if (ch == sep) {
      if (!end_field()) return tl::unexpected(CsvFailure::too_many_cells);
      line_has_content = true;
    } else if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (!end_field()) return tl::unexpected(CsvFailure::too_many_cells);
      rows.push_back(std::move(row));
      row.clear();
      line_has_content = false;
    } else {
      field += ch;
      line_has_content = true;
    }
    if (field.size() > limits.max_field_bytes) return tl::unexpected(CsvFailure::field_too_long);
  }
  if (quoted) return tl::unexpected(CsvFailure::unterminated_quote);
  if (line_has_content || !row.empty()) {
    if (!end_field()) return tl::unexpected(CsvFailure::too_many_cells);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace core
