// Formats 1 and 2: ALQAC-style article lists and the structured codes with their own tree.
#include "core/utf8.h"
#include "library/document_numbers.h"
#include "library/importers.h"
#include "library/structure_parser.h"

#include <nlohmann/json.hpp>

namespace library {

namespace {
using json = nlohmann::json;

std::optional<json> parse_json(const std::string& text, ParseError& error) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is the 1-based byte offset; report the line like an editor would.
    std::size_t line = 1;
    for (std::size_t i = 0; i < std::min<std::size_t>(e.byte, text.size()); ++i) line += text[i] == '\n';
    error = {"dòng " + std::to_string(line), "JSON không hợp lệ (có thể tệp bị cắt cụt)"};
    return std::nullopt;
  } catch (const json::out_of_range&) {  // a number no double holds: "1e400"
    error = {"tệp", "JSON không hợp lệ: có số quá lớn"};
    return std::nullopt;
  }
}

std::optional<std::string> string_field(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return std::nullopt;
  return core::nfc(it->get<std::string>());
}

// An article's text "Tiêu đề\n\nNội dung…" becomes a Điều node with its clauses and points. Some
// articles have no title (the Constitution's): then the first paragraph is body text, not a title.
bool looks_like_title(const std::string& line) {
  if (line.empty() || line.size() > 300) return false;
  if (std::isdigit(static_cast<unsigned char>(line[0]))) return false;  // "1. …" is a clause
  char last = line.back();
  return last != '.' && last != ';' && last != ':' && last != ',';
}

Node article_from_text(const std::string& number, const std::string& text) {
  auto lines = text_lines(text, false);
  std::size_t first = 0;
  while (first < lines.size() && lines[first].empty()) ++first;
  // The title shape: one line, then (mostly after a blank line) the body. Luật Hôn nhân và gia
  // đình and Luật Du lịch leave out the blank line.
  bool titled = first + 1 < lines.size() && looks_like_title(lines[first]);
  std::string title = titled ? lines[first] : "";
  std::vector<std::string> structured = {"Điều " + number + ". " + title};
  structured.insert(structured.end(), lines.begin() + static_cast<std::ptrdiff_t>(titled ? first + 1 : first), lines.end());
  auto parsed = parse_structure(structured);
  Node article = parsed.tree.empty() ? Node{NodeKind::article, number, title, "", "", {}} : parsed.tree.front();
  article.number = number;  // keep the source's own id ("2a", "14") verbatim
  article.source_ref = number;
  return article;
}

// Code points → byte offsets, since the codes' tree offsets count characters.
std::vector<std::size_t> code_point_offsets(const std::string& s) {
  std::vector<std::size_t> offsets;
  offsets.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) offsets.push_back(i);
  offsets.push_back(s.size());
  return offsets;
}
}  // namespace

std::variant<ParsedFile, ParseError> parse_alqac_json(const std::string& text, const std::string& name) {
  ParseError error;
  auto root = parse_json(text, error);
  if (!root) return error;
  if (!root->is_array()) return ParseError{"gốc", "cần một mảng các văn bản"};
  ParsedFile file{SourceFormat::alqac_json, {}};
  for (std::size_t d = 0; d < root->size(); ++d) {
    const json& doc = (*root)[d];
    std::string where = "[" + std::to_string(d) + "]";
    if (!doc.is_object()) return ParseError{"phần tử " + where, "cần một đối tượng {\"id\", \"articles\"}"};
    auto id = string_field(doc, "id");
    if (!id || core::clean_text(*id).empty()) return ParseError{"trường " + where + ".id", "thiếu mã văn bản"};
    auto articles = doc.find("articles");
    if (articles == doc.end() || !articles->is_array()) return ParseError{"trường " + where + ".articles", "cần một mảng các điều"};
    ParsedDocument pd;
    pd.meta.source_format = "alqac-json";
    pd.meta.source_file = name;
    pd.meta.source_id = *id;
    pd.meta.title = *id;
    if (looks_like_number(*id)) pd.meta.number = core::clean_text(*id);
    for (std::size_t a = 0; a < articles->size(); ++a) {
      const json& art = (*articles)[a];
      std::string awhere = where + ".articles[" + std::to_string(a) + "]";
      if (!art.is_object()) return ParseError{"phần tử " + awhere, "cần một đối tượng {\"id\", \"text\"}"};
      std::optional<std::string> aid = string_field(art, "id");
      if (!aid && art.contains("id") && art["id"].is_number_integer()) aid = std::to_string(art["id"].get<long long>());
      auto atext = string_field(art, "text");
      if (!aid || core::clean_text(*aid).empty()) return ParseError{"trường " + awhere + ".id", "thiếu số điều"};
      if (!atext) return ParseError{"trường " + awhere + ".text", "thiếu nội dung điều"};
      pd.tree.push_back(article_from_text(core::clean_text(*aid), *atext));
    }
    std::string all;
    for (const auto& n : pd.tree) all += n.text + "\n";
    pd.relations = find_relations(all, pd.meta.number);
    file.documents.push_back(std::move(pd));
  }
  return file;
}

namespace {
struct CodeContext {
  const std::string& raw;
  const std::vector<std::size_t>& offsets;
};

std::string slice(const CodeContext& ctx, const json& node) {
  auto content = node.find("content");
  if (content == node.end() || !content->is_object()) return {};
  auto start = content->value("start", 0LL), end = content->value("end", 0LL);
  auto n = static_cast<long long>(ctx.offsets.size()) - 1;
  if (start < 0 || end < start || end > n) return {};
  return core::nfc(core::clean_text(ctx.raw.substr(ctx.offsets[start], ctx.offsets[end] - ctx.offsets[start])));
}

// "Chương IV:TÊN" → {"IV", "TÊN"}; "Điều 8. Tên" → {"8", "Tên"}; "Phần thứ nhất:TÊN" → {"thứ nhất", "TÊN"}.
std::pair<std::string, std::string> split_name(std::string name, std::string_view keyword) {
  name = core::nfc(core::clean_text(name));
  std::string_view rest = name;
  if (core::to_lower(rest).starts_with(core::to_lower(keyword))) rest.remove_prefix(keyword.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  auto stop = rest.find_first_of(":.");
  std::string number = core::clean_text(rest.substr(0, stop));
  std::string title = stop == std::string_view::npos ? "" : core::clean_text(rest.substr(stop + 1));
  return {number, title};
}

std::optional<ParseError> convert(const CodeContext& ctx, const json& node, std::vector<Node>& out, int depth) {
  if (depth > kMaxJsonDepth) return ParseError{"tree", "cây văn bản lồng nhau quá sâu"};
  auto type = node.value("node_type", std::string());
  auto name = node.value("name", std::string());
  auto id = node.value("node_id", std::string());
  std::optional<Node> made;
  if (type == "phần") {
    auto [num, title] = split_name(name, "Phần");
    made = Node{NodeKind::part, num, title, "", "", {}};
  } else if (type == "chương") {
    auto [num, title] = split_name(name, "Chương");
    made = Node{NodeKind::chapter, num, title, "", "", {}};
  } else if (type == "mục") {
    auto [num, title] = split_name(name, "Mục");
    made = Node{NodeKind::section, num, title, "", "", {}};
  } else if (type == "điều") {
    auto [num, title] = split_name(name, "Điều");
    made = Node{NodeKind::article, id.empty() ? num : core::nfc(id), title, slice(ctx, node), core::nfc(id), {}};
  } else if (type == "khoản") {
    made = Node{NodeKind::clause, core::nfc(id), "", slice(ctx, node), "", {}};
  } else if (type == "điểm") {
    made = Node{NodeKind::point, core::nfc(id), "", slice(ctx, node), "", {}};
  } else if (type != "root") {
    return ParseError{"tree", "loại nút không hợp lệ: " + type};
  }
  std::vector<Node>& children = made ? made->children : out;
  if (auto kids = node.find("children"); kids != node.end() && kids->is_array())
    for (const auto& child : *kids)
      if (auto e = convert(ctx, child, children, depth + 1)) return e;
  if (made) out.push_back(std::move(*made));
  return std::nullopt;
}
}  // namespace

std::vector<Node> source_tree_of_code(const std::string& json_text) {
  auto root = json::parse(json_text);
  const std::string& raw_text = root["raw_text"].get_ref<const std::string&>();
  auto offsets = code_point_offsets(raw_text);
  CodeContext ctx{raw_text, offsets};
  std::vector<Node> tree;
  convert(ctx, root["tree"], tree, 0);
  return tree;
}

std::variant<ParsedFile, ParseError> parse_code_json(const std::string& text, const std::string& name) {
  ParseError error;
  auto root = parse_json(text, error);
  if (!root) return error;
  if (!root->is_object()) return ParseError{"gốc", "cần một đối tượng văn bản"};
  auto meta = root->find("metadata");
  auto tree = root->find("tree");
  auto raw = root->find("raw_text");
  if (meta == root->end() || !meta->is_object()) return ParseError{"trường metadata", "thiếu thông tin văn bản"};
  if (raw == root->end() || !raw->is_string()) return ParseError{"trường raw_text", "thiếu toàn văn"};
  if (tree == root->end() || !tree->is_object()) return ParseError{"trường tree", "thiếu cây cấu trúc"};

  ParsedDocument pd;
  auto m = [&](const char* key) { return string_field(*meta, key).value_or(""); };
  pd.meta.source_format = "code-json";
  pd.meta.source_file = name;
  pd.meta.title = m("ten_van_ban");
  pd.meta.number = core::clean_text(m("so_hieu_van_ban"));
  pd.meta.doc_type = m("loai_van_ban");
  pd.meta.issuer = m("noi_ban_hanh");
  pd.meta.signer = m("nguoi_ky");
  pd.meta.issued_on = iso_date(m("ngay_ban_hanh"));
  pd.meta.effective_on = iso_date(m("ngay_hieu_luc"));
  pd.meta.status = m("tinh_trang");
  if (auto f = m("linhvuc"); !f.empty()) pd.meta.fields = {f};
  pd.meta.source_id = pd.meta.number.empty() ? name : pd.meta.number;
  if (pd.meta.title.empty()) return ParseError{"trường metadata.ten_van_ban", "thiếu tên văn bản"};
  // "Bộ luật dân sự 2015" with loai_van_ban "Luật": the title says it is a code.
  if (core::fold_vietnamese(pd.meta.title).starts_with("bo luat")) pd.meta.doc_type = "Bộ luật";

  // The source's own tree drops some articles that are in its text (e.g. the first article after a
  // chapter heading in places), so the structure comes from the text; the tree is a cross-check.
  const std::string& raw_text = raw->get_ref<const std::string&>();
  auto offsets = code_point_offsets(raw_text);
  CodeContext ctx{raw_text, offsets};
  std::vector<Node> source_tree;
  try {
    if (auto e = convert(ctx, *tree, source_tree, 0)) return *e;
  } catch (const json::type_error&) {  // a node that is not an object, a name or offset of the wrong type
    return ParseError{"tree", "cây cấu trúc có nút không đúng kiểu"};
  }
  std::string full_text = core::nfc(raw_text);
  pd.tree = parse_structure(text_lines(full_text, false)).tree;
  auto ours = count_nodes(pd.tree).articles, theirs = count_nodes(source_tree).articles;
  if (ours != theirs)
    pd.notes.push_back("cây cấu trúc kèm theo có " + std::to_string(theirs) + " điều, toàn văn có " + std::to_string(ours) + " điều");
  pd.relations = find_relations(full_text, pd.meta.number);
  return ParsedFile{SourceFormat::code_json, {std::move(pd)}};
}

}  // namespace library
