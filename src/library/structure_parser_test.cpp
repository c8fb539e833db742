// Structure parsing: data-driven fixtures (text → tree) and the six structured codes, whose own
// trees must match what the parser finds in their raw text.
#include "core/utf8.h"
#include "library/importers.h"
#include "library/structure_parser.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>
#include <variant>

namespace library {

namespace {

// Renders a tree as the fixtures write it: one node a line, two spaces a level,
// "<kind> <number>" and " | <title>" when there is one.
void outline(const std::vector<Node>& nodes, int depth, std::string& out) {
  for (const auto& n : nodes) {
    out += std::string(depth * 2, ' ') + std::string(kind_slug(n.kind)) + " " + n.number;
    if (!n.title.empty()) out += " | " + n.title;
    out += "\n";
    outline(n.children, depth + 1, out);
  }
}

struct Case {
  std::string name, input, expected;
};

// Fixture file format:
//   === <case name>
//   <input lines>
//   --- tree
//   <expected outline>
std::vector<Case> load_cases(const std::string& text) {
  std::vector<Case> cases;
  Case* current = nullptr;
  bool in_expected = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    if (line.starts_with("=== ")) {
      cases.push_back({line.substr(4), "", ""});
      current = &cases.back();
      in_expected = false;
    } else if (line == "--- tree") {
      in_expected = true;
    } else if (current) {
      (in_expected ? current->expected : current->input) += line + "\n";
    }
  }
  for (auto& c : cases)
    while (c.expected.ends_with("\n\n")) c.expected.pop_back();
  return cases;
}

}  // namespace

TEST(StructureParser, Fixtures) {
  auto text = testing_support::read_file(std::string(PHOBIEN_SOURCE_DIR) + "/src/library/testdata/structure.test");
  auto cases = load_cases(text);
  ASSERT_GE(cases.size(), 5u);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    bool markdown = c.name.find("markdown") != std::string::npos;
    auto parsed = parse_structure(text_lines(c.input, markdown));
    std::string got;
    outline(parsed.tree, 0, got);
    EXPECT_EQ(got, c.expected);
  }
}

TEST(StructureParser, ArticleTextKeepsClausesVerbatim) {
  auto parsed = parse_structure(text_lines("Điều 5. Nguyên tắc\n1. Khoản một.\na) Điểm a;\nb) Điểm b.\n2. Khoản hai.", false));
  ASSERT_EQ(parsed.tree.size(), 1u);
  const auto& article = parsed.tree[0];
  EXPECT_EQ(article.text, "1. Khoản một.\na) Điểm a;\nb) Điểm b.\n2. Khoản hai.");
  ASSERT_EQ(article.children.size(), 2u);
  EXPECT_EQ(article.children[0].text, "1. Khoản một.\na) Điểm a;\nb) Điểm b.");
  EXPECT_EQ(article.children[0].children[1].text, "b) Điểm b.");
}

TEST(StructureParser, LinesWrappedAtAFixedWidthAreJoinedBack) {
  // After Nghị định 137/2026/NĐ-CP, whose Markdown breaks lines in mid-sentence.
  const std::string text =
      "### Điều 41. Trách nhiệm của người tham gia bán hàng đa cấp\n"
      "1. Người tham gia bán hàng đa cấp có trách nhiệm:\n"
      "a) Chỉ thực hiện các hoạt động tiếp thị, bán hàng và phát triển mạng lưới\n"
      "bán hàng đa cấp sau khi được cấp Thẻ thành viên;\n"
      "b) Tuân thủ hợp đồng tham gia bán hàng đa cấp và quy tắc hoạt động của\n"
      "doanh nghiệp;\n"
      "c) Hồ sơ gồm\n"
      "c.1) Tờ khai\n"
      "2. Bị phạt tiền từ\n"
      "2.000.000 đồng đến 5.000.000 đồng.";
  auto parsed = parse_structure(text_lines(text, true));
  ASSERT_EQ(parsed.tree.size(), 1u);
  EXPECT_EQ(parsed.tree[0].text,
            "1. Người tham gia bán hàng đa cấp có trách nhiệm:\n"
            "a) Chỉ thực hiện các hoạt động tiếp thị, bán hàng và phát triển mạng lưới bán hàng đa cấp sau khi được cấp Thẻ thành viên;\n"
            "b) Tuân thủ hợp đồng tham gia bán hàng đa cấp và quy tắc hoạt động của doanh nghiệp;\n"
            "c) Hồ sơ gồm\n"
            "c.1) Tờ khai\n"
            "2. Bị phạt tiền từ\n"
            "2.000.000 đồng đến 5.000.000 đồng.")
      << "a point, a clause and a line after a full stop, colon or semicolon stay lines of their own; a number is no lower-case letter";
}

namespace {
void article_numbers(const std::vector<Node>& nodes, std::vector<std::string>& out) {
  for (const auto& n : nodes) {
    if (n.kind == NodeKind::article) out.push_back(n.number);
    article_numbers(n.children, out);
  }
}
}  // namespace

// The six codes carry their own parsed tree. The parser, run on their raw text, must find every
// article of that tree, and more only where the tree demonstrably dropped an article that is in
// the text (listed in testdata/code_tree_omissions.txt with the reason).
TEST(StructureParser, SixCodesMatchTheirOwnTrees) {
  auto data = testing_support::shared_data_dir();
  if (!data) GTEST_SKIP() << "../shared/data is not present";
  std::map<std::string, std::set<std::string>> omissions;
  {
    std::istringstream in(testing_support::read_file(std::string(PHOBIEN_SOURCE_DIR) + "/src/library/testdata/code_tree_omissions.txt"));
    std::string file, numbers;
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream row(line);
      row >> file;
      for (std::string n; row >> n;) omissions[file].insert(n);
    }
  }
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(*data / "legal" / "codes")) {
    if (entry.path().extension() != ".gz") continue;
    ++files;
    std::string file = entry.path().filename().string();
    SCOPED_TRACE(file);
    auto text = std::get<std::string>(decode_source(testing_support::read_file(entry.path())));
    std::vector<std::string> theirs, ours;
    article_numbers(source_tree_of_code(text), theirs);
    auto raw_text = core::nfc(nlohmann::json::parse(text)["raw_text"].get<std::string>());
    auto parsed = parse_structure(text_lines(raw_text, false)).tree;
    article_numbers(parsed, ours);
    std::set<std::string> our_set(ours.begin(), ours.end()), their_set(theirs.begin(), theirs.end());
    EXPECT_EQ(ours.size(), our_set.size()) << "no article twice";
    for (const auto& n : their_set) EXPECT_TRUE(our_set.count(n)) << "missing Điều " << n;
    std::set<std::string> extra;
    for (const auto& n : our_set)
      if (!their_set.count(n)) extra.insert(n);
    EXPECT_EQ(extra, omissions[file]) << "articles found beyond the source tree";
    EXPECT_EQ(ours.size(), theirs.size() + omissions[file].size());
    EXPECT_EQ(count_nodes(parsed).chapters, count_nodes(source_tree_of_code(text)).chapters);
  }
  EXPECT_EQ(files, 6);
}

}  // namespace library
