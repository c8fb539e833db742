// library::parse_source, what `phobien import` and the back office's import run on every file:
// gzip, size and UTF-8 checks, then by content ALQAC JSON, structured-code JSON, Markdown with
// front matter, or plain text, each through the structure parser and the relation finder.
// Properties: no exception escapes (a broken file is a ParseError, as docs/architecture.md says);
// a ParseError has a valid UTF-8 place and a non-empty message; a parsed file's format is what
// its first character says (JSON array, JSON object, else Markdown or text) and every text it
// holds (metadata, nodes, body, notes, relations) is valid UTF-8, ready for the database; dates
// are "" or yyyy-mm-dd with a real month and day; nodes nest in order (Phần > Chương > Mục >
// Điều > Khoản > Điểm) and each Khoản and Điểm has a number.
#include "core/utf8.h"
#include "fuzz_check.h"
#include "library/importers.h"

#include <cctype>

namespace {

void check_text(const std::string& s, const char* what = "") {
  if (!core::is_valid_utf8(s)) {
    std::fprintf(stderr, "invalid UTF-8 in %s: \"%.80s\"\n", what, s.c_str());
    FUZZ_CHECK(core::is_valid_utf8(s));
  }
}

void check_date(const std::string& d) {
  if (d.empty()) return;
  FUZZ_CHECK(d.size() == 10 && d[4] == '-' && d[7] == '-');
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) FUZZ_CHECK(std::isdigit(static_cast<unsigned char>(d[i])));
  int month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  FUZZ_CHECK(month >= 1 && month <= 12 && day >= 1 && day <= 31);
}

void check_nodes(const std::vector<library::Node>& nodes, int parent_kind) {
  for (const library::Node& n : nodes) {
    FUZZ_CHECK(static_cast<int>(n.kind) > parent_kind);
    if (n.kind == library::NodeKind::clause || n.kind == library::NodeKind::point) FUZZ_CHECK(!n.number.empty());
    check_text(n.number, "node number");
    check_text(n.title, "node title");
    check_text(n.text, "node text");
    check_text(n.source_ref, "node source_ref");
    check_nodes(n.children, static_cast<int>(n.kind));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(fuzz::bytes(data, size));
  std::variant<library::ParsedFile, library::ParseError> result;
  try {
    result = library::parse_source(bytes, "tep-thu.txt");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "exception escaped parse_source: %s\n", e.what());
    std::abort();
  }
  if (auto* error = std::get_if<library::ParseError>(&result)) {
    check_text(error->where);
    check_text(error->message);
    FUZZ_CHECK(!error->message.empty());
    return 0;
  }
  const library::ParsedFile& file = std::get<library::ParsedFile>(result);
  // The first non-space character decides JSON (gzip and BOM aside).
  bool gzip = size >= 2 && data[0] == 0x1F && data[1] == 0x8B;
  if (!gzip) {
    std::size_t i = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
    char first = i < bytes.size() ? bytes[i] : '\0';
    FUZZ_CHECK((file.format == library::SourceFormat::alqac_json) == (first == '['));
    FUZZ_CHECK((file.format == library::SourceFormat::code_json) == (first == '{'));
  }
  for (const library::ParsedDocument& doc : file.documents) {
    const library::DocumentMeta& m = doc.meta;
    FUZZ_CHECK(m.source_format == library::format_name(file.format));
    const std::pair<const char*, const std::string*> texts[] = {
        {"number", &m.number},   {"title", &m.title},   {"doc_type", &m.doc_type},         {"issuer", &m.issuer},
        {"signer", &m.signer},   {"issued_on", &m.issued_on}, {"effective_on", &m.effective_on}, {"status", &m.status},
        {"summary", &m.summary}, {"source_format", &m.source_format}, {"source_file", &m.source_file},
        {"source_id", &m.source_id}, {"body", &doc.body}};
    for (const auto& [what, s] : texts) check_text(*s, what);
    for (const std::string& f : m.fields) check_text(f);
    for (const std::string& note : doc.notes) check_text(note);
    for (const library::Relation& r : doc.relations) {
      FUZZ_CHECK(!r.target_number.empty());
      check_text(r.target_number);
    }
    check_date(m.issued_on);
    check_date(m.effective_on);
    check_nodes(doc.tree, -1);
  }
  return 0;
}
