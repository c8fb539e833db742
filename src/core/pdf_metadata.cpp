// PDF metadata blanking in place.
//
// A PDF's cross-reference table gives the byte offset of every object, so the file is never
// rewritten: every change keeps the length of what it replaces, and startxref and the xref
// entries stay right. What is done:
//  - every object named by an /Info entry of a trailer or of a cross-reference stream, in every
//    revision, has the string values of its entries replaced by "()" or "<>" and spaces (all of
//    them, not only Author, Creator, Producer, Title, Subject, Keywords, CreationDate, ModDate:
//    custom keys such as /Company carry personal data too); a value that is a reference to a
//    string object has that string blanked;
//  - every /Type /Metadata stream (XMP) has its bytes replaced by an empty XMP packet padded with
//    spaces; a compressed one also loses its /Filter and /DecodeParms entries (overwritten by
//    spaces), so that what is left is a valid uncompressed stream of the same /Length;
//  - names are checked everywhere outside stream data, and inside compressed object streams
//    (inflated for that): /JavaScript, /JS, /Launch, /EmbeddedFile(s) refuse the file, and so
//    does /Encrypt (encrypted strings and object streams cannot be inspected). Names written with
//    #xx escapes are decoded first, so /J#61vaScript is caught too.
// Limits, each refused rather than passed on silently:
//  - document information stored inside a compressed object stream (/Type /ObjStm) cannot be
//    blanked in place: re-compressing changes the stream's length and so every later offset.
//    Such files are refused with StripFailure::hidden_metadata; the citizen can "Print to PDF",
//    which writes plain objects. Producers that citizens use (Word, LibreOffice, phone scanners,
//    browsers' print to PDF) keep /Info as a plain object.
//  - object streams with a filter other than FlateDecode, or with /DecodeParms, cannot be read
//    and are refused (StripFailure::unreadable); so are those that inflate past 64 MiB.
// Not touched, knowingly: annotation authors (/T of comments), page-piece data and names inside
// page content streams; thumbnails (/Thumb) are images of the pages themselves.
#include "core/inflate.h"
#include "core/metadata_strip.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <set>

namespace core {
namespace {

constexpr std::size_t kMaxInflatedBytes = 64u << 20;
constexpr int kMaxNesting = 64;

// Thrown deep in the recursive parser and caught once, in strip_pdf_metadata.
struct PdfFailure {
  StripFailure why;
};
[[noreturn]] void fail(StripFailure why) { throw PdfFailure{why}; }

bool is_space(char c) { return c == '\0' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }
bool is_delimiter(char c) { return c != '\0' && std::string_view("()<>[]{}/%").find(c) != std::string_view::npos; }

std::optional<long> parse_int(std::string_view s) {
  long v = 0;
  if (s.empty() || s.size() > 10 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// "/J#61vaScript" is "/JavaScript" to a reader, so it must be to the checks.
std::string decode_name(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned code = 0;
    const char* hex = raw.data() + i + 1;
    if (raw[i] == '#' && i + 2 < raw.size() && std::from_chars(hex, hex + 2, code, 16).ptr == hex + 2) {
      out.push_back(static_cast<char>(code));
      i += 2;
    } else out.push_back(raw[i]);
  }
  return out;
}

// Every name the lexer meets passes here, so nothing outside stream data escapes the check.
void check_name(const std::string& name) {
  static constexpr std::array<std::string_view, 5> active = {"JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles"};
  if (std::find(active.begin(), active.end(), name) != active.end()) fail(StripFailure::active_content);
  if (name == "Encrypt") fail(StripFailure::encrypted);
}

enum class Tok { end, name, string, word, dict_open, dict_close, array_open, array_close, other };

struct Token {
  Tok kind = Tok::end;
  std::size_t begin = 0, end = 0;
  std::string text;  // decoded name, or the word itself
};

class Lexer {
 public:
  explicit Lexer(std::string_view d) : d_(d) {}
  std::size_t pos() const { return pos_; }
  void seek(std::size_t pos) { pos_ = pos; }

  Token next() {
    skip_space_and_comments();
    Token t;
    t.begin = pos_;
    if (pos_ < d_.size()) read(t);
    t.end = pos_;
    return t;
  }

 private:
  void skip_space_and_comments() {
    while (pos_ < d_.size()) {
      if (is_space(d_[pos_])) ++pos_;
      else if (d_[pos_] == '%') pos_ = std::min(d_.size(), d_.find_first_of("\r\n", pos_));
      else break;
    }
  }

  void read(Token& t) {
    char c = d_[pos_];
    char next = pos_ + 1 < d_.size() ? d_[pos_ + 1] : '\0';
    if (c == '(') {
      t.kind = Tok::string;
      pos_ = literal_string_end();
    } else if (c == '<' && next == '<') {
      t.kind = Tok::dict_open;
      pos_ += 2;
    } else if (c == '<') {
      t.kind = Tok::string;
      std::size_t close = d_.find('>', pos_);
      if (close == std::string_view::npos) fail(StripFailure::malformed);
      pos_ = close + 1;
    } else if (c == '>' && next == '>') {
      t.kind = Tok::dict_close;
      pos_ += 2;
    } else if (c == '[' || c == ']') {
      t.kind = c == '[' ? Tok::array_open : Tok::array_close;
      ++pos_;
    } else if (c == '/') {
      t.kind = Tok::name;
      t.text = decode_name(regular_run(pos_ + 1));
      check_name(t.text);
    } else if (is_delimiter(c)) {
      t.kind = Tok::other;
      ++pos_;
    } else {
      t.kind = Tok::word;
      t.text = std::string(regular_run(pos_));
    }
  }

  std::string_view regular_run(std::size_t from) {
    std::size_t end = from;
    while (end < d_.size() && !is_space(d_[end]) && !is_delimiter(d_[end])) ++end;
    pos_ = end;
    return d_.substr(from, end - from);
  }

  // Literal strings nest balanced parentheses; a backslash escapes the next byte.
  std::size_t literal_string_end() const {
    int depth = 0;
    for (std::size_t i = pos_; i < d_.size(); ++i) {
      if (d_[i] == '\\') ++i;
      else if (d_[i] == '(') ++depth;
      else if (d_[i] == ')' && --depth == 0) return i + 1;
    }
    fail(StripFailure::malformed);
  }

  std::string_view d_;
  std::size_t pos_ = 0;
};

struct Ref {
  long num = 0, gen = 0;
};

struct Entry;

// A parsed value with its byte range, so that strings can be blanked where they stand.
struct Value {
  Tok kind = Tok::end;
  std::size_t begin = 0, end = 0;
  std::string text;            // name or word
  std::optional<Ref> ref;      // "N G R"
  std::vector<Entry> entries;  // of a dictionary
  std::vector<Value> items;    // of an array

  const Entry* entry(std::string_view key) const;
  const Value* find(std::string_view key) const;
  bool is_name(std::string_view name) const { return kind == Tok::name && text == name; }
  bool has_type(std::string_view type) const {
    const Value* v = find("Type");
    return v && v->is_name(type);
  }
};

struct Entry {
  std::string key;
  std::size_t key_begin = 0;
  Value value;
};

const Entry* Value::entry(std::string_view key) const {
  auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
  return it == entries.end() ? nullptr : &*it;
}
const Value* Value::find(std::string_view key) const {
  const Entry* e = entry(key);
  return e ? &e->value : nullptr;
}

Value parse_value(Lexer& lx, int depth);

void parse_dictionary(Lexer& lx, Value& v, int depth) {
  while (true) {
    Token key = lx.next();
    if (key.kind == Tok::dict_close) {
      v.end = key.end;
      return;
    }
    if (key.kind != Tok::name) fail(StripFailure::malformed);
    v.entries.push_back({key.text, key.begin, parse_value(lx, depth + 1)});
  }
}

void parse_array(Lexer& lx, Value& v, int depth) {
  while (true) {
    std::size_t at = lx.pos();
    Token t = lx.next();
    if (t.kind == Tok::array_close) {
      v.end = t.end;
      return;
    }
    lx.seek(at);
    v.items.push_back(parse_value(lx, depth + 1));
  }
}

// "12 0 R" is one value; "12 0" without R is two numbers.
void read_reference(Lexer& lx, Value& v) {
  std::size_t at = lx.pos();
  Token gen = lx.next();
  Token r = lx.next();
  auto num = parse_int(v.text);
  auto g = parse_int(gen.text);
  if (num && g && gen.kind == Tok::word && r.kind == Tok::word && r.text == "R") {
    v.ref = Ref{*num, *g};
    v.end = r.end;
  } else lx.seek(at);
}

Value parse_value(Lexer& lx, int depth) {
  if (depth > kMaxNesting) fail(StripFailure::malformed);
  Token t = lx.next();
  Value v{t.kind, t.begin, t.end, std::move(t.text), {}, {}, {}};
  switch (v.kind) {
    case Tok::dict_open: parse_dictionary(lx, v, depth); break;
    case Tok::array_open: parse_array(lx, v, depth); break;
    case Tok::word:
      if (parse_int(v.text)) read_reference(lx, v);
      break;
    case Tok::name:
    case Tok::string: break;
    default: fail(StripFailure::malformed);
  }
  return v;
}

struct StreamSpan {
  std::size_t begin = 0, end = 0;  // the stream's data
  std::size_t after = 0;           // just past "endstream"
};

struct PdfObject {
  Ref id;
  Value value;
  std::optional<StreamSpan> stream;
};

// Data starts after the EOL that follows "stream". /Length is believed when "endstream" stands
// right after it (binary data may contain the word itself); otherwise the word is searched for.
StreamSpan stream_span(std::string_view d, std::size_t keyword_end, const Value& dict) {
  std::size_t begin = keyword_end;
  if (d.substr(begin, 2) == "\r\n") begin += 2;
  else if (begin < d.size() && (d[begin] == '\n' || d[begin] == '\r')) begin += 1;
  if (const Value* length = dict.find("Length"); length && length->kind == Tok::word && !length->ref) {
    if (auto n = parse_int(length->text); n && static_cast<std::size_t>(*n) <= d.size() - begin) {
      std::size_t k = begin + *n;
      while (k < d.size() && is_space(d[k])) ++k;
      if (d.substr(k, 9) == "endstream") return {begin, begin + *n, k + 9};
    }
  }
  std::size_t k = d.find("endstream", begin);
  if (k == std::string_view::npos) fail(StripFailure::malformed);
  std::size_t end = k;
  if (end > begin && d[end - 1] == '\n') --end;
  if (end > begin && d[end - 1] == '\r') --end;
  return {begin, end, k + 9};
}

struct PdfFile {
  std::vector<PdfObject> objects;  // every "N G obj" in file order, all revisions
  std::vector<Value> trailers;
};

void read_object_end(std::string_view d, Lexer& lx, PdfObject& o) {
  std::size_t at = lx.pos();
  Token t = lx.next();
  if (t.kind == Tok::word && t.text == "stream") {
    o.stream = stream_span(d, t.end, o.value);
    lx.seek(o.stream->after);
    at = lx.pos();
    t = lx.next();
  }
  if (t.kind != Tok::word || t.text != "endobj") lx.seek(at);
}

// One pass over the file's top level: objects, trailers; xref tables and comments are skipped.
PdfFile read_pdf(std::string_view d) {
  PdfFile f;
  Lexer lx(d);
  Token before_last, last;
  for (Token t = lx.next(); t.kind != Tok::end; t = lx.next()) {
    if (t.kind == Tok::word && t.text == "obj" && parse_int(before_last.text) && parse_int(last.text)) {
      PdfObject o{{*parse_int(before_last.text), *parse_int(last.text)}, parse_value(lx, 0), {}};
      read_object_end(d, lx, o);
      f.objects.push_back(std::move(o));
      t = {};
    } else if (t.kind == Tok::word && t.text == "trailer") {
      f.trailers.push_back(parse_value(lx, 0));
      t = {};
    } else if (t.kind == Tok::word && t.text == "stream") {  // stray stream: never lex binary data
      std::size_t k = d.find("endstream", t.end);
      if (k == std::string_view::npos) fail(StripFailure::malformed);
      lx.seek(k + 9);
      t = {};
    }
    before_last = std::move(last);
    last = std::move(t);
  }
  if (f.objects.empty()) fail(StripFailure::malformed);
  return f;
}

// Inflated within what is left of the budget for the whole file.
std::string inflate_within(std::string_view in, std::size_t& budget) {
  auto out = inflate_bytes(in, budget);
  if (!out) fail(StripFailure::unreadable);
  budget -= out->size();
  return std::move(*out);
}

std::string decoded_object_stream(std::string_view d, const PdfObject& o, std::size_t& budget) {
  std::string_view raw = d.substr(o.stream->begin, o.stream->end - o.stream->begin);
  const Value* filter = o.value.find("Filter");
  if (!filter) return std::string(raw);
  if (o.value.find("DecodeParms")) fail(StripFailure::unreadable);
  bool flate = filter->is_name("FlateDecode") || (filter->items.size() == 1 && filter->items[0].is_name("FlateDecode"));
  if (!flate) fail(StripFailure::unreadable);
  return inflate_within(raw, budget);
}

// Numbers of the objects stored inside object streams. Every name in them passes check_name on
// the way (the lexer does it), which is the point of inflating them.
std::set<long> objects_in_object_streams(std::string_view d, const PdfFile& f) {
  std::set<long> numbers;
  std::size_t budget = kMaxInflatedBytes;
  for (const PdfObject& o : f.objects) {
    if (!o.stream || !o.value.has_type("ObjStm")) continue;
    std::string content = decoded_object_stream(d, o, budget);
    const Value* first = o.value.find("First");
    auto header_size = first ? parse_int(first->text) : std::nullopt;
    if (!header_size || static_cast<std::size_t>(*header_size) > content.size()) fail(StripFailure::malformed);
    // The header is pairs of object number and offset.
    Lexer header(std::string_view(content).substr(0, *header_size));
    bool is_number = true;
    for (Token t = header.next(); t.kind != Tok::end; t = header.next(), is_number = !is_number)
      if (auto n = parse_int(t.text); n && is_number) numbers.insert(*n);
    Lexer objects(content);
    while (objects.next().kind != Tok::end) {
    }
  }
  return numbers;
}

std::vector<Ref> info_references(const PdfFile& f) {
  std::vector<Ref> refs;
  auto add = [&](const Value& dict) {
    if (const Value* info = dict.find("Info"); info && info->ref) refs.push_back(*info->ref);
  };
  for (const Value& t : f.trailers) add(t);
  for (const PdfObject& o : f.objects)
    if (o.value.has_type("XRef")) add(o.value);
  return refs;
}

std::vector<const PdfObject*> objects_with_id(const PdfFile& f, Ref id) {
  std::vector<const PdfObject*> found;
  for (const PdfObject& o : f.objects)
    if (o.id.num == id.num && o.id.gen == id.gen) found.push_back(&o);
  return found;
}

// "(Nguyễn Văn A)" becomes "()" and spaces, "<FEFF…>" becomes "<>" and spaces. False when the
// string was empty already.
bool blank_string(std::string& pdf, const Value& s) {
  if (s.kind != Tok::string || s.end - s.begin <= 2) return false;
  pdf[s.begin + 1] = pdf[s.begin] == '(' ? ')' : '>';
  std::fill(pdf.begin() + static_cast<std::ptrdiff_t>(s.begin + 2), pdf.begin() + static_cast<std::ptrdiff_t>(s.end), ' ');
  return true;
}

struct Blanker {
  const PdfFile& file;
  const std::set<long>& compressed;
  std::string& pdf;

  // All revisions of the object, so that an earlier revision's values go too.
  std::vector<const PdfObject*> reachable(Ref id) const {
    if (compressed.count(id.num)) fail(StripFailure::hidden_metadata);
    return objects_with_id(file, id);
  }

  bool document_info(Ref id) {
    bool blanked = false;
    for (const PdfObject* o : reachable(id))
      for (const Entry& e : o->value.entries) {
        if (e.value.ref)
          for (const PdfObject* s : reachable(*e.value.ref)) blanked |= blank_string(pdf, s->value);
        else blanked |= blank_string(pdf, e.value);
      }
    return blanked;
  }

  // A compressed XMP stream becomes an uncompressed one: its /Filter and /DecodeParms entries are
  // overwritten by spaces too, and /Length still holds.
  bool xmp_streams() {
    bool blanked = false;
    for (const PdfObject& o : file.objects) {
      if (!o.stream || !o.value.has_type("Metadata")) continue;
      for (std::string_view key : {"Filter", "DecodeParms"})
        if (const Entry* e = o.value.entry(key)) overwrite(e->key_begin, std::string(e->value.end - e->key_begin, ' '));
      blanked |= overwrite(o.stream->begin, empty_xmp_packet(o.stream->end - o.stream->begin));
    }
    return blanked;
  }

  // An empty but valid XMP packet padded to `size` (readers warn about a stream of bare spaces);
  // only spaces when the stream is too short for one.
  static std::string empty_xmp_packet(std::size_t size) {
    constexpr std::string_view head = R"(<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"/>)";
    constexpr std::string_view tail = R"(<?xpacket end="w"?>)";
    if (size < head.size() + tail.size()) return std::string(size, ' ');
    return std::string(head) + std::string(size - head.size() - tail.size(), ' ') + std::string(tail);
  }

  // False when the bytes were that already (a file cleaned before).
  bool overwrite(std::size_t at, const std::string& bytes) {
    if (pdf.compare(at, bytes.size(), bytes) == 0) return false;
    pdf.replace(at, bytes.size(), bytes);
    return true;
  }
};

}  // namespace

StripResult strip_pdf_metadata(std::string_view d) {
  // %%EOF anywhere: files with incremental updates, or junk after the last one, are common.
  if (d.substr(0, 5) != "%PDF-" || d.find("%%EOF") == std::string_view::npos) return tl::unexpected(StripFailure::malformed);
  try {
    PdfFile file = read_pdf(d);
    std::set<long> compressed = objects_in_object_streams(d, file);
    Stripped out;
    out.data.assign(d);
    Blanker blank{file, compressed, out.data};
    bool info = false;
    for (Ref id : info_references(file)) info |= blank.document_info(id);
    if (info) out.removed.push_back("PDF Info");
    if (blank.xmp_streams()) out.removed.push_back("XMP");
    return out;
  } catch (const PdfFailure& e) {
    return tl::unexpected(e.why);
  }
}

}  // namespace core
