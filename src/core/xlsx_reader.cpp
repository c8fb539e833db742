#include "core/xlsx_reader.h"

#include "core/zip_reader.h"

#include <expat.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <optional>
#include <string>

namespace core {

namespace {

using Failure = tl::unexpected<XlsxFailure>;

constexpr std::size_t kMaxRows = 1'048'576;  // Excel's grid
constexpr std::size_t kMaxColumns = 16'384;  // column XFD

// ---- XML through expat ---------------------------------------------------------------------

// Names reach the handlers without their namespace ("c" for "x:c" or for the strict schema's
// "c"): expat joins namespace and local name with this character, which XML names cannot hold.
constexpr char kNamespaceSeparator = '\x01';

// A SAX handler. It stops the parse by setting `failure`.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XML_Char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}

  std::optional<XlsxFailure> failure;

 protected:
  // Appends `more` to `into`, or fails as too_large when `into` would pass `max` bytes.
  void append(std::string& into, std::string_view more, std::size_t max) {
    if (into.size() > max || more.size() > max - into.size()) failure = XlsxFailure::too_large;
    else into.append(more);
  }
};

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  std::size_t separator = n.rfind(kNamespaceSeparator);
  return separator == std::string_view::npos ? n : n.substr(separator + 1);
}

// The value of the attribute whose local name is `name`, or nullptr.
const char* attribute(const XML_Char** attributes, std::string_view name) {
  for (; *attributes; attributes += 2)
    if (local_name(attributes[0]) == name) return attributes[1];
  return nullptr;
}

struct ParseState {
  XML_Parser parser;
  XmlHandler* handler;
};

// Runs one callback of `user`'s handler, unless the parse is already failing; no exception
// crosses expat's C frames (what a handler can throw is bad_alloc or length_error: too_large).
template <typename F>
void guarded(void* user, F&& callback) {
  auto* state = static_cast<ParseState*>(user);
  if (state->handler->failure) return;
  try {
    callback(*state->handler);
  } catch (const std::exception&) {
    state->handler->failure = XlsxFailure::too_large;
  }
  if (state->handler->failure) XML_StopParser(state->parser, XML_FALSE);
}

void XMLCALL on_start(void* user, const XML_Char* name, const XML_Char** attributes) {
  guarded(user, [&](XmlHandler& h) { h.start(local_name(name), attributes); });
}
void XMLCALL on_end(void* user, const XML_Char* name) {
  guarded(user, [&](XmlHandler& h) { h.end(local_name(name)); });
}
void XMLCALL on_text(void* user, const XML_Char* s, int size) {
  guarded(user, [&](XmlHandler& h) { h.text({s, static_cast<std::size_t>(size)}); });
}
// Any document type declaration is refused: no DTD, no entity of its own.
void XMLCALL on_doctype(void* user, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  guarded(user, [](XmlHandler& h) { h.failure = XlsxFailure::corrupt; });
}

// Parses `xml` into `handler`: the handler's failure, corrupt for XML that is not well-formed.
std::optional<XlsxFailure> parse_xml(std::string_view xml, XmlHandler& handler) {
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS(nullptr, kNamespaceSeparator),
                                                                      XML_ParserFree);
  if (!parser) return XlsxFailure::too_large;
  ParseState state{parser.get(), &handler};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  constexpr std::size_t kPiece = 1 << 20;  // XML_Parse takes an int length
  bool last;
  do {
    std::size_t n = std::min(xml.size(), kPiece);
    last = n == xml.size();
    if (XML_Parse(parser.get(), xml.data(), static_cast<int>(n), last) != XML_STATUS_OK)
      return handler.failure.value_or(XlsxFailure::corrupt);
    xml.remove_prefix(n);
  } while (!last);
  return handler.failure;
}

// ---- Package parts and relationships -------------------------------------------------------

// A relationship's target resolved against the part that has it: "worksheets/sheet1.xml" from
// "xl/workbook.xml" is "xl/worksheets/sheet1.xml"; "/xl/a.xml" starts from the root; ".." goes up.
std::string resolve(std::string_view source, std::string_view target) {
  std::vector<std::string_view> segments;
  auto walk = [&](std::string_view path) {
    while (!path.empty()) {
      std::size_t slash = std::min(path.find('/'), path.size());
      std::string_view segment = path.substr(0, slash);
      path.remove_prefix(std::min(slash + 1, path.size()));
      if (segment == "..") {
        if (!segments.empty()) segments.pop_back();
      } else if (!segment.empty() && segment != ".") {
        segments.push_back(segment);
      }
    }
  };
  if (!target.starts_with('/')) walk(source.substr(0, source.rfind('/') + 1));  // npos + 1: no folder
  walk(target);
  std::string out;
  for (std::string_view s : segments) (out += out.empty() ? "" : "/") += s;
  return out;
}

// The relationships part of `part`: "xl/workbook.xml" has "xl/_rels/workbook.xml.rels".
std::string relationships_of(std::string_view part) {
  std::size_t folder = part.rfind('/') + 1;  // npos + 1: at the root
  return std::string(part.substr(0, folder)) + "_rels/" + std::string(part.substr(folder)) + ".rels";
}

struct Relationship {
  std::string id, type, target;  // target resolved
};

class RelationshipsHandler : public XmlHandler {
 public:
  explicit RelationshipsHandler(std::string_view source) : source_(source) {}
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* type = attribute(attributes, "Type");
    const char* target = attribute(attributes, "Target");
    const char* mode = attribute(attributes, "TargetMode");
    if (!id || !type || !target || (mode && std::string_view(mode) == "External")) return;
    if (relationships.size() == kMaxZipEntries) failure = XlsxFailure::too_large;  // more than parts there can be
    else relationships.push_back({id, type, resolve(source_, target)});
  }
  void end(std::string_view) override {}

  std::vector<Relationship> relationships;

 private:
  std::string_view source_;
};

const Relationship* find_relationship(const std::vector<Relationship>& relationships, std::string_view id) {
  for (const Relationship& r : relationships)
    if (r.id == id) return &r;
  return nullptr;
}

// True when the relationship's type ends with "/<kind>" (transitional and strict types alike).
bool is_kind(const Relationship& r, std::string_view kind) {
  return r.type.size() > kind.size() && r.type.ends_with(kind) && r.type[r.type.size() - kind.size() - 1] == '/';
}

const Relationship* relationship_of_kind(const std::vector<Relationship>& relationships, std::string_view kind) {
  for (const Relationship& r : relationships)
    if (is_kind(r, kind)) return &r;
  return nullptr;
}

struct SheetEntry {
  std::string name, relationship;
};

class WorkbookHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name != "sheet") return;
    const char* sheet_name = attribute(attributes, "name");
    const char* id = attribute(attributes, "id");  // r:id
    if (!sheet_name || !id) failure = XlsxFailure::corrupt;
    else if (sheets.size() == kMaxZipEntries) failure = XlsxFailure::too_large;
    else sheets.push_back({sheet_name, id});
  }
  void end(std::string_view) override {}

  std::vector<SheetEntry> sheets;
};

// ---- Text ----------------------------------------------------------------------------------

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | code >> 6);
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | code >> 12);
    out += static_cast<char>(0x80 | (code >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// OOXML's escapes of characters XML cannot hold: _xHHHH_ is U+HHHH (and _x005F_ an underscore).
// U+0000 and surrogates stay as written.
std::string decode_escapes(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned code = 0;
    if (s.compare(i, 2, "_x") == 0 && i + 7 <= s.size() && s[i + 6] == '_') {
      const char* digits = s.data() + i + 2;
      auto [end, ec] = std::from_chars(digits, digits + 4, code, 16);
      if (ec == std::errc{} && end == digits + 4 && code != 0 && (code < 0xD800 || code > 0xDFFF)) {
        append_utf8(out, code);
        i += 7;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

Cell text_cell(std::string s) { return s.empty() ? Cell{} : Cell{std::move(s)}; }

// The text of a string item, <si> in the shared strings or <is> in a cell: its <t>, or the <t> of
// its runs <r>, joined; the phonetic runs <rPh> are left out.
class RichText {
 public:
  void start(std::string_view name) {
    if (name == "rPh") ++phonetic_;
    else if (name == "t" && phonetic_ == 0) in_text_ = true;
  }
  void end(std::string_view name) {
    if (name == "rPh" && phonetic_ > 0) --phonetic_;
    else if (name == "t") in_text_ = false;
  }
  bool in_text() const { return in_text_; }

 private:
  int phonetic_ = 0;
  bool in_text_ = false;
};

class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(const XlsxLimits& limits) : limits_(limits) {}
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      in_item_ = true;
      item_.clear();
      rich_ = {};
    } else if (in_item_) {
      rich_.start(name);
    }
  }
  void end(std::string_view name) override {
    if (!in_item_) return;
    if (name != "si") return rich_.end(name);
    in_item_ = false;
    if (strings.size() == limits_.max_cells) failure = XlsxFailure::too_large;  // more than cells there can be
    else strings.push_back(decode_escapes(std::move(item_)));
  }
  void text(std::string_view s) override {
    if (in_item_ && rich_.in_text()) append(item_, s, limits_.max_string_bytes);
  }

  std::vector<std::string> strings;

 private:
  const XlsxLimits& limits_;
  bool in_item_ = false;
  std::string item_;
  RichText rich_;
};

// ---- Cells ---------------------------------------------------------------------------------

// What is left of the limits across the sheets of one workbook.
struct Budget {
  std::size_t cells, text_bytes, part_bytes;
};

std::optional<std::size_t> parse_row(std::string_view digits) {
  std::size_t row = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), row);
  if (ec != std::errc{} || end != digits.data() + digits.size() || row == 0 || row > kMaxRows) return std::nullopt;
  return row;
}

struct Position {
  std::size_t row, column;  // from 1
};

// "B3": column 2, row 3. Letters A to XFD, then a row number of Excel's grid.
std::optional<Position> parse_reference(std::string_view ref) {
  std::size_t i = 0, column = 0;
  for (; i < ref.size() && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
  std::optional<std::size_t> row = parse_row(ref.substr(i));
  if (i == 0 || column > kMaxColumns || !row) return std::nullopt;
  return Position{*row, column};
}

// A number as a cell: integral values (up to 2^53, where doubles are exact) as integers.
std::optional<Cell> parse_number(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  const char* end = s.data() + s.size();
  std::int64_t integer = 0;
  if (auto [p, ec] = std::from_chars(s.data(), end, integer); ec == std::errc{} && p == end) return integer;
  double d = 0;
  auto [p, ec] = std::from_chars(s.data(), end, d);
  if (ec != std::errc{} || p != end || !std::isfinite(d)) return std::nullopt;
  if (std::trunc(d) == d && std::fabs(d) <= 9007199254740992.0) return static_cast<std::int64_t>(d);
  return d;
}

std::string header_text(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&cell)) {
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
  }
  return "";
}

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& shared, const XlsxLimits& limits, Budget& budget)
      : shared_(shared), limits_(limits), budget_(budget) {}

  void start(std::string_view name, const XML_Char** attributes) override {
    if (in_cell_) return start_in_cell(name);
    if (name == "row") start_row(attribute(attributes, "r"));
    else if (name == "c") start_cell(attribute(attributes, "r"), attribute(attributes, "t"));
  }
  void end(std::string_view name) override {
    if (!in_cell_) return;
    if (name == "c") finish_cell();
    else if (name == "v") in_value_ = false;
    else if (name == "is") in_inline_ = false;
    else if (in_inline_) rich_.end(name);
  }
  void text(std::string_view s) override {
    if (in_value_ || (in_inline_ && rich_.in_text())) append(value_, s, limits_.max_string_bytes);
  }

  // The sheet as a table (row 1 the headers), its cells charged to the budget.
  Table table(std::string name) {
    Table t{std::move(name), {}, {}};
    budget_.cells -= grid_.size() * width_;
    for (auto& row : grid_) row.resize(width_);
    if (grid_.empty()) return t;
    for (const Cell& cell : grid_.front()) t.headers.push_back(header_text(cell));
    t.rows.assign(std::make_move_iterator(grid_.begin() + 1), std::make_move_iterator(grid_.end()));
    return t;
  }

 private:
  void start_row(const char* ref) {
    std::optional<std::size_t> row = ref ? parse_row(ref) : row_ < kMaxRows ? std::optional(row_ + 1) : std::nullopt;
    if (!row) failure = XlsxFailure::corrupt;
    else row_ = *row;
    column_ = 0;
  }
  void start_cell(const char* ref, const char* type) {
    if (ref) {
      std::optional<Position> at = parse_reference(ref);
      if (!at) return void(failure = XlsxFailure::corrupt);
      row_ = at->row;
      column_ = at->column;
    } else if (row_ == 0 || column_ == kMaxColumns) {
      return void(failure = XlsxFailure::corrupt);
    } else {
      ++column_;
    }
    in_cell_ = true;
    has_value_ = in_value_ = in_inline_ = false;
    type_ = type && *type ? type : "n";  // no type: a number
    value_.clear();
  }
  void start_in_cell(std::string_view name) {
    if (name == "v") {
      in_value_ = has_value_ = true;
    } else if (name == "is") {
      in_inline_ = has_value_ = true;
      rich_ = {};
    } else if (in_inline_) {
      rich_.start(name);
    }
  }

  std::optional<Cell> value() {
    if (!has_value_) return Cell{};
    if (type_ == "n") return value_.empty() ? std::optional(Cell{}) : parse_number(value_);
    if (type_ == "s") {
      std::size_t index = 0;
      auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc{} || end != value_.data() + value_.size() || index >= shared_.size()) return std::nullopt;
      return text_cell(shared_[index]);
    }
    if (type_ == "inlineStr" || type_ == "str") return text_cell(decode_escapes(std::move(value_)));
    if (type_ == "e" || type_ == "d") return text_cell(std::move(value_));
    if (type_ == "b" && (value_ == "0" || value_ == "1")) return Cell{std::int64_t{value_ == "1"}};
    return std::nullopt;
  }

  void finish_cell() {
    in_cell_ = in_value_ = in_inline_ = false;
    std::optional<Cell> cell = value();
    if (!cell) return void(failure = XlsxFailure::corrupt);
    if (std::holds_alternative<std::monostate>(*cell)) return;
    std::size_t rows = std::max(grid_.size(), row_), width = std::max(width_, column_);
    const auto* text = std::get_if<std::string>(&*cell);
    if (rows * width > budget_.cells || (text && text->size() > budget_.text_bytes)) return void(failure = XlsxFailure::too_large);
    if (text) budget_.text_bytes -= text->size();
    grid_.resize(rows);
    width_ = width;
    std::vector<Cell>& row = grid_[row_ - 1];
    if (row.size() < column_) row.resize(column_);
    row[column_ - 1] = std::move(*cell);
  }

  const std::vector<std::string>& shared_;
  const XlsxLimits& limits_;
  Budget& budget_;
  std::vector<std::vector<Cell>> grid_;  // rows from 1, each as long as its last value
  std::size_t width_ = 0;
  std::size_t row_ = 0, column_ = 0;  // the current row, and the current cell's column (from 1)
  bool in_cell_ = false, in_value_ = false, in_inline_ = false, has_value_ = false;
  std::string type_, value_;
  RichText rich_;
};

// ---- The workbook --------------------------------------------------------------------------

XlsxFailure from_zip(ZipFailure f) {
  switch (f) {
    case ZipFailure::not_a_zip: return XlsxFailure::not_a_zip;
    case ZipFailure::unsupported: return XlsxFailure::unsupported;
    case ZipFailure::too_large: return XlsxFailure::too_large;
    case ZipFailure::corrupt:
    case ZipFailure::missing: break;
  }
  return XlsxFailure::corrupt;
}

class Workbook {
 public:
  Workbook(const ZipArchive& zip, const XlsxLimits& limits)
      : zip_(zip), limits_(limits), budget_{limits.max_cells, limits.max_total_bytes, limits.max_total_bytes} {}

  tl::expected<std::vector<Table>, XlsxFailure> read() {
    std::string path = "xl/workbook.xml";
    if (zip_.find("_rels/.rels")) {
      RelationshipsHandler package("");
      if (auto f = parse("_rels/.rels", package)) return Failure(*f);
      if (const Relationship* document = relationship_of_kind(package.relationships, "officeDocument")) path = document->target;
    }
    if (!zip_.find(path)) return Failure(XlsxFailure::not_xlsx);
    WorkbookHandler workbook;
    RelationshipsHandler parts(path);
    SharedStringsHandler shared(limits_);
    if (auto f = parse(path, workbook)) return Failure(*f);
    if (auto f = parse(relationships_of(path), parts)) return Failure(workbook.sheets.empty() ? XlsxFailure::not_xlsx : *f);
    if (const Relationship* strings = relationship_of_kind(parts.relationships, "sharedStrings"))
      if (auto f = parse(strings->target, shared)) return Failure(*f);

    std::vector<Table> tables;
    for (SheetEntry& entry : workbook.sheets) {
      const Relationship* sheet = find_relationship(parts.relationships, entry.relationship);
      if (!sheet) return Failure(XlsxFailure::corrupt);
      if (!is_kind(*sheet, "worksheet")) continue;  // a chart sheet
      SheetHandler cells(shared.strings, limits_, budget_);
      if (auto f = parse(sheet->target, cells)) return Failure(*f);
      tables.push_back(cells.table(std::move(entry.name)));
    }
    if (tables.empty()) return Failure(XlsxFailure::not_xlsx);
    return tables;
  }

 private:
  // Reads and parses one part; a part that is not there is corrupt (the workbook names it).
  std::optional<XlsxFailure> parse(const std::string& path, XmlHandler& handler) {
    auto xml = zip_.read(path, std::min(limits_.max_part_bytes, budget_.part_bytes));
    if (!xml) return from_zip(xml.error());
    budget_.part_bytes -= xml->size();
    return parse_xml(*xml, handler);
  }

  const ZipArchive& zip_;
  const XlsxLimits& limits_;
  Budget budget_;
};

}  // namespace

tl::expected<std::vector<Table>, XlsxFailure> read_xlsx(std::string_view bytes, const XlsxLimits& limits) {
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Failure(XlsxFailure::xls_or_encrypted);
  auto zip = ZipArchive::open(bytes);
  if (!zip) return Failure(from_zip(zip.error()));
  return Workbook(*zip, limits).read();
}

std::string xlsx_failure_message(XlsxFailure failure) {
  switch (failure) {
    case XlsxFailure::xls_or_encrypted:
      return "Tệp là bảng tính Excel 97-2003 (.xls) hoặc có mật khẩu: hãy lưu lại thành .xlsx không đặt mật khẩu.";
    case XlsxFailure::not_xlsx: return "Tệp nén này không phải bảng tính .xlsx.";
    case XlsxFailure::unsupported: return "Bảng tính dùng định dạng nén chưa hỗ trợ: hãy mở và lưu lại bằng Excel hoặc LibreOffice.";
    case XlsxFailure::too_large: return "Bảng tính quá lớn; hãy chia thành nhiều tệp.";
    case XlsxFailure::not_a_zip:
    case XlsxFailure::corrupt: break;
  }
  return "Bảng tính .xlsx bị hỏng, không đọc được.";
}

}  // namespace core
