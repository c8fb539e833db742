// library::text_lines and library::parse_structure, the structure parser of plain-text and
// Markdown imports (and of ALQAC articles and code texts). Input: a byte (bit 0: Markdown), then
// the text; text that is not valid UTF-8 is skipped (decode_source refuses it before parsing),
// the rest is NFC-normalised as the importers do.
// Properties: text_lines gives one line per '\n'-separated piece, trimmed, without line breaks;
// the tree nests in order (Phần > Chương > Mục > Điều > Khoản > Điểm); articles, in document order,
// have strictly increasing numbers (the parser's "run in sequence" rule: 19 < 19a < 20); the Khoản
// of an Điều are 1, 2, 3 ... and the Điểm of a Khoản a, b, c, d, đ, e ...; every text is valid UTF-8.
#include "core/utf8.h"
#include "fuzz_check.h"
#include "library/structure_parser.h"

#include <algorithm>
#include <cctype>

namespace {

const std::vector<std::string> kPointLetters = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                                "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};

// "19" → 1900, "19a" → 1901: the order articles must run in.
int article_key(const std::string& number) {
  std::size_t digits = 0;
  while (digits < number.size() && std::isdigit(static_cast<unsigned char>(number[digits]))) ++digits;
  FUZZ_CHECK(digits >= 1 && digits <= 4);
  FUZZ_CHECK(number.size() <= digits + 1);
  int key = std::stoi(number.substr(0, digits)) * 100;
  if (number.size() == digits + 1) {
    FUZZ_CHECK(number.back() >= 'a' && number.back() <= 'z');
    key += 1 + (number.back() - 'a');
  }
  return key;
}

void check_nodes(const std::vector<library::Node>& nodes, int parent_kind, std::vector<int>& article_keys) {
  std::size_t clauses = 0, points = 0;
  for (const library::Node& n : nodes) {
    FUZZ_CHECK(static_cast<int>(n.kind) > parent_kind);
    for (const std::string* s : {&n.number, &n.title, &n.text}) FUZZ_CHECK(core::is_valid_utf8(*s));
    switch (n.kind) {
      case library::NodeKind::article: article_keys.push_back(article_key(n.number)); break;
      case library::NodeKind::clause: FUZZ_CHECK(n.number == std::to_string(++clauses)); break;
      case library::NodeKind::point:
        FUZZ_CHECK(points < kPointLetters.size());
        FUZZ_CHECK(n.number == kPointLetters[points++]);
        break;
      default: break;
    }
    check_nodes(n.children, static_cast<int>(n.kind), article_keys);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(fuzz::bytes(data, size));
  bool markdown = input.byte() & 1;
  std::string_view raw = input.rest();
  if (!core::is_valid_utf8(raw)) return 0;
  std::string text = core::nfc(raw);

  std::vector<std::string> lines = library::text_lines(text, markdown);
  FUZZ_CHECK(lines.size() == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  for (const std::string& line : lines) {
    FUZZ_CHECK(core::is_valid_utf8(line));
    FUZZ_CHECK(line.find('\n') == std::string::npos);
    if (!line.empty()) {
      FUZZ_CHECK(line.front() != ' ' && line.front() != '\t' && line.front() != '\r');
      FUZZ_CHECK(line.back() != ' ' && line.back() != '\t' && line.back() != '\r');
    }
  }

  library::ParsedStructure parsed = library::parse_structure(lines);
  FUZZ_CHECK(core::is_valid_utf8(parsed.preamble));
  FUZZ_CHECK(core::is_valid_utf8(parsed.tail));
  std::vector<int> article_keys;
  check_nodes(parsed.tree, -1, article_keys);
  FUZZ_CHECK(std::adjacent_find(article_keys.begin(), article_keys.end(), std::greater_equal<int>()) == article_keys.end());
  return 0;
}
