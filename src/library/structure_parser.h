#pragma once
// Finds the structure of a legal text line by line: Phần, Chương, Mục, Điều, then the Khoản
// ("1.") and Điểm ("a)") inside each Điều. Used for plain text and Markdown imports, and checked
// against the structured codes' own trees.
#include "library/model.h"

#include <string>
#include <vector>

namespace library {

struct ParsedStructure {
  std::vector<Node> tree;
  std::string preamble;  // text before the first structural heading (title block, căn cứ)
  std::string tail;      // text after the last article that belongs to none (nơi nhận, signatures)
};

// `lines` are NFC text lines without Markdown markup. Article numbers must run in sequence
// (1, 2, 3 ... or 19, 19a, 20): a "Điều 19a" quoted inside Điều 1 of an amending document is
// part of Điều 1, not an article of its own.
ParsedStructure parse_structure(const std::vector<std::string>& lines);

// Splits text into lines, trims them, and drops Markdown markup (#, >, **, list dashes, table pipes
// stay). A line that a source wrapped at a fixed width is joined back to the one it continues (it
// starts with a lower-case letter and is no point "a)", after a line ending no sentence, clause or
// item): "… phát triển mạng lưới" + "bán hàng đa cấp …" is one line.
std::vector<std::string> text_lines(std::string_view text, bool markdown);

}  // namespace library
