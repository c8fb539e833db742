// Format detection and the shared limits (size, nesting, encoding) for every import.
#include "core/inflate.h"
#include "core/utf8.h"
#include "library/importers.h"

#include <cctype>

namespace library {

std::string_view format_name(SourceFormat f) {
  switch (f) {
    case SourceFormat::alqac_json: return "alqac-json";
    case SourceFormat::code_json: return "code-json";
    case SourceFormat::markdown: return "markdown";
    case SourceFormat::text: return "text";
  }
  return "text";
}

namespace {
bool is_gzip(const std::string& b) { return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1F && static_cast<unsigned char>(b[1]) == 0x8B; }

std::variant<std::string, ParseError> gunzip(const std::string& in) {
  auto out = core::inflate_bytes(in, kMaxSourceBytes);
  if (out) return std::move(*out);
  if (out.error() == core::InflateFailure::too_large) return ParseError{"tệp nén", "nội dung sau khi giải nén vượt quá giới hạn 200 MB"};
  return ParseError{"tệp nén", "dữ liệu gzip bị hỏng hoặc bị cắt cụt"};
}

// Deepest nesting of [ and { outside strings: hostile files must not exhaust the parser's stack.
int json_depth(const std::string& s) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}

std::size_t first_non_space(const std::string& s) {
  std::size_t i = s.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // UTF-8 BOM
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// 1-based line of the first invalid UTF-8 byte, for the report.
std::size_t invalid_utf8_line(const std::string& s) {
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n') {
      if (!core::is_valid_utf8(std::string_view(s).substr(start, i - start))) return line;
      ++line;
      start = i + 1;
    }
  }
  return 0;
}
}  // namespace

std::variant<std::string, ParseError> decode_source(const std::string& raw) {
  if (raw.size() > kMaxSourceBytes) return ParseError{"tệp", "tệp lớn hơn giới hạn 200 MB"};
  std::string bytes;
  if (is_gzip(raw)) {
    auto unzipped = gunzip(raw);
    if (auto* e = std::get_if<ParseError>(&unzipped)) return *e;
    bytes = std::move(std::get<std::string>(unzipped));
  } else {
    bytes = raw;
  }
  if (bytes.empty()) return ParseError{"tệp", "tệp rỗng"};
  if (bytes.find('\0') != std::string::npos) return ParseError{"tệp", "tệp nhị phân, không phải văn bản"};
  if (!core::is_valid_utf8(bytes)) {
    auto line = invalid_utf8_line(bytes);
    return ParseError{line ? "dòng " + std::to_string(line) : "tệp",
                      "không phải văn bản UTF-8 (có thể tệp được lưu bằng bảng mã khác như TCVN3/VNI, hoặc là tệp nhị phân)"};
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  return bytes;
}

std::variant<ParsedFile, ParseError> parse_source(const std::string& raw, const std::string& name) {
  auto decoded = decode_source(raw);
  if (auto* e = std::get_if<ParseError>(&decoded)) return *e;
  const std::string& bytes = std::get<std::string>(decoded);
  std::size_t start = first_non_space(bytes);
  if (start < bytes.size() && (bytes[start] == '[' || bytes[start] == '{')) {
    if (json_depth(bytes) > kMaxJsonDepth) return ParseError{"cấu trúc JSON", "lồng nhau quá sâu (tối đa " + std::to_string(kMaxJsonDepth) + " cấp)"};
    return bytes[start] == '[' ? parse_alqac_json(bytes, name) : parse_code_json(bytes, name);
  }
  if (bytes.compare(start, 3, "---") == 0 || bytes.compare(start, 2, "# ") == 0 || bytes.find("\n## ") != std::string::npos)
    return parse_markdown(bytes, name);
  return parse_plain_text(bytes, name);
}

}  // namespace library
