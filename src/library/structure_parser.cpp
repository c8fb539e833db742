#include "library/structure_parser.h"

#include "core/strings.h"
#include "core/utf8.h"
#include "text/vietnamese.h"

#include <cctype>
#include <cstring>
#include <optional>

namespace library {

namespace {

// Lines are NFC; headings come in title case or upper case.
std::optional<std::string_view> after_keyword(std::string_view line, std::initializer_list<std::string_view> keywords) {
  for (auto k : keywords)
    if (line.starts_with(k)) return line.substr(k.size());
  return std::nullopt;
}

std::string trim_line(std::string_view s) { return std::string(core::trim(s, " \t\r")); }

// "12a. Tiêu đề" → number "12a", rest "Tiêu đề". Digits, then optional ASCII letter or "đ".
std::optional<std::pair<std::string, std::string>> number_then_title(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
  if (i == 0 || i > 4) return std::nullopt;
  std::string number(rest.substr(0, i));
  if (i < rest.size() && rest[i] >= 'a' && rest[i] <= 'z') number += rest[i++];
  if (i < rest.size() && rest[i] != '.' && rest[i] != ':' && rest[i] != ' ') return std::nullopt;
  std::string_view title = rest.substr(i);
  while (!title.empty() && (title.front() == '.' || title.front() == ':' || title.front() == ' ')) title.remove_prefix(1);
  return std::pair{number, trim_line(title)};
}

int numeric_part(const std::string& number) {
  int n = 0;
  for (char c : number) {
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool is_roman(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::strchr("IVXLCDM", c)) return false;
  return true;
}

// Chapter or part number: Roman numerals, digits, or words ("thứ nhất", "THỨ HAI").
std::optional<std::pair<std::string, std::string>> label_then_title(std::string_view rest) {
  rest = std::string_view(rest).substr(0);
  std::string r = trim_line(rest);
  if (r.empty()) return std::nullopt;
  auto stop = r.find_first_of(":.");
  std::string head = trim_line(r.substr(0, stop));
  std::string title = stop == std::string::npos ? "" : trim_line(r.substr(stop + 1));
  // "Chương I NHỮNG QUY ĐỊNH CHUNG" without punctuation: the label is the first word.
  if (stop == std::string::npos || head.find(' ') != std::string::npos) {
    auto lower = core::fold_vietnamese(head);
    if (lower.starts_with("thu ")) {  // "thứ nhất ..." : two words
      auto second_space = head.find(' ', head.find(' ') + 1);
      if (stop == std::string::npos && second_space != std::string::npos) {
        title = trim_line(head.substr(second_space + 1));
        head = head.substr(0, second_space);
      }
    } else {
      auto space = head.find(' ');
      if (space != std::string::npos) {
        title = trim_line(head.substr(space + 1)) + (title.empty() ? "" : ": " + title);
        head = head.substr(0, space);
      }
    }
  }
  bool ok = is_roman(head) || std::isdigit(static_cast<unsigned char>(head[0])) || core::fold_vietnamese(head).starts_with("thu ");
  if (!ok) return std::nullopt;
  return std::pair{head, title};
}

// The Vietnamese alphabet order used for điểm: a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y.
const std::vector<std::string>& point_letters() {
  static const std::vector<std::string> letters = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                                   "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
  return letters;
}

std::optional<std::string> point_letter(std::string_view line) {
  for (const auto& l : point_letters())
    if (line.size() > l.size() + 1 && line.starts_with(l) && line[l.size()] == ')' && line[l.size() + 1] == ' ') return l;
  return std::nullopt;
}

std::optional<int> clause_number(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i == 0 || i + 1 >= line.size() || line[i] != '.' || line[i + 1] != ' ') return std::nullopt;
  return std::stoi(std::string(line.substr(0, i)));
}

// Sort key of an article number: "19" → 1900, "19a" → 1901.
int article_key(const std::string& number) {
  int key = numeric_part(number) * 100;
  auto digits_end = number.find_first_not_of("0123456789");
  if (digits_end != std::string::npos) key += 1 + (static_cast<unsigned char>(number[digits_end]) - 'a') % 98;
  return key;
}

// Real articles run in order; quoted ones ("Điều 19a" inside Điều 1 of an amending document) break
// it. Of all "Điều N" headings, the longest increasing run (fewest gaps on ties) are the articles.
std::vector<bool> real_article_lines(const std::vector<std::string>& lines) {
  std::vector<std::size_t> at;
  std::vector<int> keys;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.starts_with("\x01")) line.remove_prefix(1);
    if (auto rest = after_keyword(line, {"Điều ", "ĐIỀU "}))
      if (auto nt = number_then_title(*rest)) {
        at.push_back(i);
        keys.push_back(article_key(nt->first));
      }
  }
  const std::size_t n = keys.size();
  std::vector<int> length(n, 1), gaps(n, 0);
  std::vector<long> previous(n, -1);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) {
      if (keys[j] >= keys[i]) continue;
      int gap = gaps[j] + (keys[i] / 100 - keys[j] / 100 > 1 ? keys[i] / 100 - keys[j] / 100 - 1 : 0);
      if (length[j] + 1 > length[i] || (length[j] + 1 == length[i] && gap < gaps[i])) {
        length[i] = length[j] + 1;
        gaps[i] = gap;
        previous[i] = static_cast<long>(j);
      }
    }
  std::vector<bool> real(lines.size(), false);
  long best = -1;
  for (std::size_t i = 0; i < n; ++i)
    if (best < 0 || length[i] > length[best] || (length[i] == length[best] && gaps[i] < gaps[best])) best = static_cast<long>(i);
  for (long i = best; i >= 0; i = previous[i]) real[at[i]] = true;
  return real;
}

bool ends_articles(std::string_view line) {
  auto f = core::fold_vietnamese(line.substr(0, 40));
  return f.starts_with("noi nhan") || f.starts_with("tm. ") || f.starts_with("kt. ");
}

void append_line(std::string& text, std::string_view line) {
  if (!text.empty()) text += '\n';
  text += line;
}

// A line that continues the one before it, which a source wrapped at a fixed width: it starts
// with a lower-case letter and is no point ("a) ", "đ) ", "c.3.1) "), after a non-empty line that
// ends no sentence, clause or list item.
bool continues(const std::string& previous, const std::string& line) {
  if (previous.empty() || line.empty() || previous[0] == '\x01') return false;
  if (std::string_view(".:;!?").find(previous.back()) != std::string_view::npos) return false;
  const std::string first = core::utf8_prefix(line, 1);
  const std::string folded = text::fold(first);
  if (folded.size() != 1 || folded[0] < 'a' || folded[0] > 'z' || core::to_lower(first) != first) return false;
  // A point or sub-point: "a)", "đ)", "b1)", "c.3.1)": a label without spaces closed by ")".
  const auto paren = line.find(')');
  return !(paren != std::string::npos && paren <= 8 && line.find(' ') > paren);
}

}  // namespace

std::vector<std::string> text_lines(std::string_view text, bool markdown) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line = trim_line(text.substr(pos, end - pos));
    pos = end + 1;
    if (markdown) {
      // Headings keep a marker so the parser can tell them from body text.
      std::size_t hashes = 0;
      while (hashes < line.size() && line[hashes] == '#') ++hashes;
      bool heading = hashes > 0 && hashes < line.size() && line[hashes] == ' ';
      if (heading) line = trim_line(std::string_view(line).substr(hashes));
      while (line.starts_with(">")) line = trim_line(std::string_view(line).substr(1));
      std::string cleaned;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line.compare(i, 2, "**") == 0 || line.compare(i, 2, "__") == 0) {
          ++i;
          continue;
        }
        cleaned += line[i];
      }
      line = trim_line(cleaned);
      if (line == "---" || line == "***") line.clear();
      if (heading && !line.empty()) line = "\x01" + line;  // marks a Markdown heading
    }
    if (!out.empty() && continues(out.back(), line)) out.back() += " " + line;
    else out.push_back(std::move(line));
  }
  return out;
}

ParsedStructure parse_structure(const std::vector<std::string>& raw_lines) {
  ParsedStructure result;
  std::vector<Node>& tree = result.tree;
  Node* part = nullptr;
  Node* chapter = nullptr;
  Node* section = nullptr;
  Node* article = nullptr;
  Node* clause = nullptr;
  Node* point = nullptr;
  const std::vector<bool> is_article = real_article_lines(raw_lines);
  bool seen_article = false;
  bool after_articles = false;
  bool pending_chapter_title = false;

  auto container = [&]() -> std::vector<Node>& {
    if (section) return section->children;
    if (chapter) return chapter->children;
    if (part) return part->children;
    return tree;
  };

  for (std::size_t index = 0; index < raw_lines.size(); ++index) {
    const std::string& raw = raw_lines[index];
    bool md_heading = raw.starts_with("\x01");
    std::string_view line = md_heading ? std::string_view(raw).substr(1) : std::string_view(raw);
    if (line.empty()) continue;

    if (pending_chapter_title) {
      pending_chapter_title = false;
      Node* target = section ? section : chapter ? chapter : part;
      if (target && target->title.empty() && !after_keyword(line, {"Điều ", "ĐIỀU ", "Mục ", "MỤC "})) {
        target->title = std::string(line);
        continue;
      }
    }
    if (auto rest = after_keyword(line, {"Phần ", "PHẦN "})) {
      if (auto lt = label_then_title(*rest)) {
        tree.push_back(Node{NodeKind::part, lt->first, lt->second, "", "", {}});
        part = &tree.back();
        chapter = section = article = clause = point = nullptr;
        pending_chapter_title = lt->second.empty();
        after_articles = false;
        continue;
      }
    }
    if (auto rest = after_keyword(line, {"Chương ", "CHƯƠNG "})) {
      if (auto lt = label_then_title(*rest)) {
        auto& list = part ? part->children : tree;
        list.push_back(Node{NodeKind::chapter, lt->first, lt->second, "", "", {}});
        chapter = &list.back();
        section = article = clause = point = nullptr;
        pending_chapter_title = lt->second.empty();
        after_articles = false;
        continue;
      }
    }
    if (auto rest = after_keyword(line, {"Mục ", "MỤC "}); rest && chapter) {
      if (auto nt = number_then_title(*rest)) {
        chapter->children.push_back(Node{NodeKind::section, nt->first, nt->second, "", "", {}});
        section = &chapter->children.back();
        article = clause = point = nullptr;
        pending_chapter_title = nt->second.empty();
        continue;
      }
    }
    if (is_article[index]) {
      auto nt = number_then_title(*after_keyword(line, {"Điều ", "ĐIỀU "}));
      auto& list = container();
      list.push_back(Node{NodeKind::article, nt->first, nt->second, "", "", {}});
      article = &list.back();
      clause = point = nullptr;
      seen_article = true;
      after_articles = false;
      continue;
    }
    // Some Markdown sources set an article's clauses as headings ("### 1. Hồ sơ chuyển đổi bao
    // gồm:"): the article's next clause number continues it.
    if (article && md_heading) {
      const auto n = clause_number(line);
      if (n && *n == (clause ? std::stoi(clause->number) + 1 : 1)) md_heading = false;
    }
    if (article && (md_heading || ends_articles(line))) {
      // A Markdown heading that is not structural ("NƠI NHẬN") or the signature block ends the
      // last article; what follows belongs to no article.
      article = clause = point = nullptr;
      after_articles = true;
    }
    if (!article) {
      append_line(after_articles || seen_article ? result.tail : result.preamble, line);
      continue;
    }

    append_line(article->text, line);
    if (auto n = clause_number(line); n && *n == (clause ? std::stoi(clause->number) + 1 : 1)) {
      article->children.push_back(Node{NodeKind::clause, std::to_string(*n), "", std::string(line), "", {}});
      clause = &article->children.back();
      point = nullptr;
      continue;
    }
    if (auto letter = point_letter(line); letter && clause) {
      const auto& letters = point_letters();
      std::size_t expected = 0;
      if (point)
        for (std::size_t i = 0; i < letters.size(); ++i)
          if (letters[i] == point->number) expected = i + 1;
      if (expected < letters.size() && *letter == letters[expected]) {
        append_line(clause->text, line);
        clause->children.push_back(Node{NodeKind::point, *letter, "", std::string(line), "", {}});
        point = &clause->children.back();
        continue;
      }
    }
    if (clause) append_line(clause->text, line);
    if (point) append_line(point->text, line);
  }
  return result;
}

}  // namespace library
