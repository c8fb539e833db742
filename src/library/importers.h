#pragma once
// Reads legal documents from files, recognising the format by content:
//   1. ALQAC-style JSON  [{"id": "<title or number>", "articles": [{"id": "1", "text": "<title>\n\n<body>"}]}]
//   2. structured codes  {"metadata": {...}, "raw_text": "...", "tree": {...}}  (optionally gzip-compressed)
//   3. Markdown with YAML front matter and Chương / Điều headings
//   4. plain UTF-8 text of a legal document
// Parsing never touches the database; LibraryService::import_file (library_service.h) stores the
// result in one transaction.
#include "library/model.h"

#include <string>
#include <variant>
#include <vector>

namespace library {

enum class SourceFormat { alqac_json, code_json, markdown, text };
std::string_view format_name(SourceFormat f);  // "alqac-json", "code-json", "markdown", "text"

struct ParseError {
  std::string where;    // "dòng 12", "trường articles[3].text", ... (Vietnamese)
  std::string message;  // Vietnamese
};

struct ParsedFile {
  SourceFormat format = SourceFormat::text;
  std::vector<ParsedDocument> documents;
};

// Decompresses gzip, enforces the size limit, and checks the text is UTF-8 (BOM removed).
std::variant<std::string, ParseError> decode_source(const std::string& raw);

// `name` is used in reports and as the source id of documents that have no id of their own.
std::variant<ParsedFile, ParseError> parse_source(const std::string& bytes, const std::string& name);

// The limits that keep a hostile file from exhausting the server.
constexpr std::size_t kMaxSourceBytes = 200 * 1024 * 1024;  // after decompression
constexpr int kMaxJsonDepth = 64;

// Per-format parsers (exposed for tests). Input is valid UTF-8; output is NFC.
std::variant<ParsedFile, ParseError> parse_alqac_json(const std::string& json_text, const std::string& name);
std::variant<ParsedFile, ParseError> parse_code_json(const std::string& json_text, const std::string& name);
std::variant<ParsedFile, ParseError> parse_markdown(const std::string& text, const std::string& name);
std::variant<ParsedFile, ParseError> parse_plain_text(const std::string& text, const std::string& name);

// The tree a structured code carries with it (for cross-checks; imports use the text).
std::vector<Node> source_tree_of_code(const std::string& json_text);

// "24/11/2015", "2015-11-24", "ngày 24 tháng 11 năm 2015" → "2015-11-24"; "" when not a date.
std::string iso_date(std::string_view s);

}  // namespace library
