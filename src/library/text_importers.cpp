// Formats 3 and 4: Markdown with YAML front matter, and plain text whose structure is found by
// the structure parser.
#include "core/strings.h"
#include "core/utf8.h"
#include "library/document_numbers.h"
#include "library/importers.h"
#include "library/structure_parser.h"
#include "text/document_number.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace library {

namespace {

std::string clean_line(std::string_view s) { return core::clean_text(s); }

std::string unquote(std::string s) {
  s = clean_line(s);
  if (s.size() >= 2 && ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\'')))
    s = s.substr(1, s.size() - 2);
  return s;
}

// Front matter: "key: value" and "key:" followed by "  - item" lines. Enough for document metadata.
struct FrontMatter {
  std::map<std::string, std::string> values;
  std::map<std::string, std::vector<std::string>> lists;
  std::string get(std::initializer_list<const char*> keys) const {
    for (const char* k : keys)
      if (auto it = values.find(k); it != values.end() && !it->second.empty()) return it->second;
    return {};
  }
};

// Splits "---\n<yaml>\n---\n<body>"; the body's first line number is reported for errors.
bool split_front_matter(const std::string& text, FrontMatter& fm, std::string& body) {
  std::size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  if (text.compare(start, 3, "---") != 0) {
    body = text;
    return true;
  }
  auto first_nl = text.find('\n', start);
  auto end = text.find("\n---", first_nl);
  if (first_nl == std::string::npos || end == std::string::npos) return false;
  std::string yaml = text.substr(first_nl + 1, end - first_nl - 1);
  auto body_start = text.find('\n', end + 4);
  body = body_start == std::string::npos ? "" : text.substr(body_start + 1);
  std::string current_list;
  for (const auto& line : core::split(yaml, "\n")) {
    std::string t = clean_line(line);
    if (t.empty() || t.front() == '#') continue;
    if (t.starts_with("- ") && !current_list.empty()) {
      fm.lists[current_list].push_back(unquote(t.substr(2)));
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(line[0]))) continue;  // nested structures are not metadata we use
    auto colon = t.find(':');
    if (colon == std::string::npos) continue;
    std::string key = clean_line(t.substr(0, colon));
    std::string value = unquote(t.substr(colon + 1));
    fm.values[key] = value;
    current_list = value.empty() ? key : "";
  }
  return true;
}

// "| Số hiệu | 159/NQ-CP |" rows of the "THÔNG TIN VĂN BẢN" table.
std::map<std::string, std::string> table_rows(const std::string& body) {
  std::map<std::string, std::string> rows;
  for (const auto& piece : core::split(body, "\n")) {
    std::string line = clean_line(piece);
    if (!line.starts_with("|")) continue;
    auto second = line.find('|', 1);
    if (second == std::string::npos) continue;
    auto third = line.find('|', second + 1);
    std::string key = core::fold_vietnamese(clean_line(line.substr(1, second - 1)));
    std::string value = clean_line(line.substr(second + 1, third == std::string::npos ? std::string::npos : third - second - 1));
    if (!key.empty() && !rows.count(key) && value != "—" && value != "-") rows[key] = value;
  }
  return rows;
}

// Known document types at the start of a title ("Nghị định 15/2020/NĐ-CP ..." → "Nghị định").
std::string type_from_title(const std::string& title) {
  static const char* types[] = {"Hiến pháp", "Bộ luật", "Luật", "Nghị quyết liên tịch", "Nghị quyết", "Pháp lệnh",
                                "Nghị định", "Thông tư liên tịch", "Thông tư", "Quyết định", "Chỉ thị",
                                "Văn bản hợp nhất", "Quy chuẩn", "Công văn", "Kế hoạch", "Lệnh"};
  std::string folded = core::fold_vietnamese(title);
  for (const char* t : types)
    if (folded.starts_with(core::fold_vietnamese(t))) return t;
  return {};
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    if (l.empty()) continue;
    std::string_view v = l;
    if (v.starts_with("\x01")) v.remove_prefix(1);
    out += (out.empty() ? "" : "\n") + std::string(v);
  }
  return out;
}

void finish(ParsedDocument& pd, const ParsedStructure& parsed, const std::vector<std::string>& lines) {
  pd.tree = parsed.tree;
  if (count_nodes(pd.tree).articles == 0) pd.body = join(lines);
  pd.relations = find_relations(join(lines), pd.meta.number);
  if (pd.meta.doc_type.empty()) pd.meta.doc_type = type_from_title(pd.meta.title);
}

std::string first_number_in(std::string_view s) {
  auto found = text::find_document_numbers(s);
  return found.empty() ? "" : std::string(s.substr(found.front().begin, found.front().end - found.front().begin));
}

}  // namespace

std::string iso_date(std::string_view raw) {
  std::string s = core::fold_vietnamese(core::clean_text(raw));
  int d = 0, m = 0, y = 0;
  char tail[8] = {};
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && y > 1900) {
  } else if (std::sscanf(s.c_str(), "%2d/%2d/%4d", &d, &m, &y) == 3) {
  } else if (auto pos = s.find("ngay "); pos != std::string::npos &&
             std::sscanf(s.c_str() + pos, "ngay %d thang %d nam %d", &d, &m, &y) == 3) {
  } else {
    return {};
  }
  (void)tail;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::variant<ParsedFile, ParseError> parse_markdown(const std::string& text, const std::string& name) {
  FrontMatter fm;
  std::string body;
  if (!split_front_matter(text, fm, body)) return ParseError{"dòng 1", "phần thông tin đầu (front matter) mở bằng --- nhưng không đóng"};
  auto rows = table_rows(body);
  auto row = [&](const char* folded_key) { auto it = rows.find(folded_key); return it == rows.end() ? std::string() : it->second; };

  ParsedDocument pd;
  pd.meta.source_format = "markdown";
  pd.meta.source_file = name;
  pd.meta.title = core::nfc(fm.get({"title", "ten_van_ban"}));
  pd.meta.number = core::nfc(fm.get({"sohieu", "so_hieu", "so_hieu_van_ban"}));
  if (pd.meta.number.empty()) pd.meta.number = first_number_in(row("so hieu"));
  if (pd.meta.number.empty()) pd.meta.number = first_number_in(pd.meta.title);
  pd.meta.doc_type = core::nfc(fm.get({"loaivanban", "loai_van_ban"}));
  if (pd.meta.doc_type.empty()) pd.meta.doc_type = row("loai van ban");
  pd.meta.issuer = core::nfc(fm.get({"cquanbanhanh", "co_quan_ban_hanh", "noi_ban_hanh"}));
  if (pd.meta.issuer.empty()) pd.meta.issuer = row("co quan ban hanh");
  pd.meta.signer = core::nfc(fm.get({"nguoiky", "nguoi_ky"}));
  if (pd.meta.signer.empty()) pd.meta.signer = row("nguoi ky");
  pd.meta.issued_on = iso_date(fm.get({"ngaybanhanh", "ngay_ban_hanh"}));
  if (pd.meta.issued_on.empty()) pd.meta.issued_on = iso_date(row("ngay ban hanh"));
  if (pd.meta.issued_on.empty()) pd.meta.issued_on = iso_date(fm.get({"date"}));
  pd.meta.effective_on = iso_date(fm.get({"ngayhieuluc", "ngay_hieu_luc"}));
  if (pd.meta.effective_on.empty()) pd.meta.effective_on = iso_date(row("ngay hieu luc"));
  pd.meta.status = core::nfc(fm.get({"tinhtrang", "tinh_trang", "trang_thai"}));
  std::string fields = core::nfc(fm.get({"linhvuc", "linh_vuc"}));
  if (fields.empty()) fields = row("linh vuc");
  for (auto sep : {'/', ',', ';'}) std::replace(fields.begin(), fields.end(), sep, ';');
  for (auto& f : core::split_clean(fields, ';')) pd.meta.fields.push_back(std::move(f));
  pd.meta.summary = core::nfc(fm.get({"trichyeu", "trich_yeu", "description"}));
  pd.meta.source_id = fm.get({"docid", "id"});
  if (pd.meta.source_id.empty()) pd.meta.source_id = name;

  auto lines = text_lines(core::nfc(body), true);
  if (pd.meta.title.empty())
    for (const auto& l : lines)
      if (l.starts_with("\x01")) {
        pd.meta.title = l.substr(1);
        break;
      }
  if (pd.meta.title.empty()) return ParseError{"front matter", "thiếu tiêu đề văn bản (title)"};
  finish(pd, parse_structure(lines), lines);
  return ParsedFile{SourceFormat::markdown, {std::move(pd)}};
}

std::variant<ParsedFile, ParseError> parse_plain_text(const std::string& text, const std::string& name) {
  auto lines = text_lines(core::nfc(text), false);
  ParsedDocument pd;
  pd.meta.source_format = "text";
  pd.meta.source_file = name;
  pd.meta.source_id = name;
  static const char* types[] = {"HIẾN PHÁP", "BỘ LUẬT", "LUẬT", "NGHỊ QUYẾT", "PHÁP LỆNH", "NGHỊ ĐỊNH",
                                "THÔNG TƯ LIÊN TỊCH", "THÔNG TƯ", "QUYẾT ĐỊNH", "CHỈ THỊ"};
  // The title block: issuer on the first line, "Số: …" with the number, the place and date, then
  // the document type in capitals and the subject on the following lines up to "Căn cứ".
  std::size_t type_line = lines.size();
  for (std::size_t i = 0; i < lines.size() && i < 40; ++i) {
    const auto& l = lines[i];
    std::string folded = core::fold_vietnamese(l);
    if (pd.meta.number.empty() && (folded.starts_with("so:") || folded.starts_with("so ") || folded.find(" so:") != std::string::npos))
      pd.meta.number = first_number_in(l);
    if (pd.meta.issued_on.empty() && folded.find("ngay ") != std::string::npos && folded.find(" thang ") != std::string::npos)
      pd.meta.issued_on = iso_date(l);
    if (type_line == lines.size())
      for (const char* t : types)
        if (l == t) {
          type_line = i;
          pd.meta.doc_type = core::sentence_case(t);
        }
    if (pd.meta.issuer.empty() && !l.empty() && core::to_lower(l) != l && !folded.starts_with("cong hoa")) pd.meta.issuer = core::sentence_case(l);
  }
  if (type_line < lines.size()) {
    std::string subject;
    for (std::size_t i = type_line + 1; i < lines.size() && i < type_line + 6; ++i) {
      std::string folded = core::fold_vietnamese(lines[i]);
      if (lines[i].empty() || folded.starts_with("can cu") || folded.starts_with("dieu ") || folded.starts_with("chuong ")) break;
      subject += (subject.empty() ? "" : " ") + lines[i];
    }
    pd.meta.title = pd.meta.doc_type + (subject.empty() ? "" : " " + core::to_lower(subject));
  }
  if (pd.meta.title.empty())
    for (const auto& l : lines)
      if (!l.empty()) {
        pd.meta.title = core::utf8_prefix(l, 300);  // whole characters: a byte cut could split one
        break;
      }
  if (pd.meta.title.empty()) return ParseError{"tệp", "không có nội dung"};
  finish(pd, parse_structure(lines), lines);
  return ParsedFile{SourceFormat::text, {std::move(pd)}};
}

}  // namespace library
