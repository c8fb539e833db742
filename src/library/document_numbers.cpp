#include "library/document_numbers.h"

#include "core/utf8.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace library {

namespace {
bool is_upper_ascii_or_dstroke(std::string_view s, std::size_t i, std::size_t& len) {
  if (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))) {
    len = 1;
    return true;
  }
  if (s.substr(i, 2) == "Đ") {
    len = 2;
    return true;
  }
  return false;
}

// A code segment such as "NĐ-CP", "QH13", "TT-BTC", "VBHN-VPQH": upper-case letters, digits, '-'.
std::size_t code_length(std::string_view s, std::size_t i) {
  std::size_t start = i;
  bool letter = false;
  while (i < s.size()) {
    std::size_t len = 0;
    if (is_upper_ascii_or_dstroke(s, i, len)) {
      letter |= !(s[i] >= '0' && s[i] <= '9');
      i += len;
    } else if (s[i] == '-' && i + 1 < s.size() && i > start) {
      ++i;
    } else {
      break;
    }
  }
  while (i > start && s[i - 1] == '-') --i;
  return letter ? i - start : 0;
}

std::size_t digits(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && std::isdigit(static_cast<unsigned char>(s[i + n]))) ++n;
  return n;
}

// Matches a số hiệu starting at i: DIGITS "/" (YEAR "/")? CODE. Returns its length or 0.
std::size_t number_at(std::string_view s, std::size_t i) {
  if (i > 0 && (std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '/')) return 0;
  std::size_t n = digits(s, i);
  if (n == 0 || n > 5 || i + n >= s.size() || s[i + n] != '/') return 0;
  std::size_t j = i + n + 1;
  std::size_t year = digits(s, j);
  if (year == 4 && j + 4 < s.size() && s[j + 4] == '/') j += 5;
  std::size_t code = code_length(s, j);
  if (code < 2) return 0;
  return j + code - i;
}
}  // namespace

bool looks_like_number(std::string_view s) {
  std::string t = core::clean_text(s);
  if (t.empty()) return false;
  if (number_at(t, 0) == t.size()) return true;
  // Tolerate case and separators: "91-2015-qh13".
  std::string key = number_key(t);
  for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return number_at(key, 0) == key.size();
}

std::string number_key(std::string_view number) {
  std::string folded = core::fold_vietnamese(core::clean_text(number));
  std::string out;
  for (char c : folded) {
    if (c == ' ' || c == '_' || c == '.') c = '-';
    out += c;
  }
  // "100-2019-nd-cp": the first two separators are slashes when the second part is a year.
  auto first = out.find_first_of("-/");
  if (first != std::string::npos) {
    out[first] = '/';
    auto second = out.find_first_of("-/", first + 1);
    if (second != std::string::npos && second - first - 1 == 4 && digits(out, first + 1) == 4) out[second] = '/';
  }
  return out;
}

std::vector<NumberMention> find_numbers(std::string_view text) {
  std::vector<NumberMention> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) continue;
    if (auto len = number_at(text, i)) {
      out.push_back({i, i + len, std::string(text.substr(i, len))});
      i += len;
    }
  }
  return out;
}

std::vector<Relation> find_relations(std::string_view text, std::string_view own_number) {
  const std::string own = number_key(own_number);
  std::map<std::string, Relation> by_target;
  auto strength = [](RelationKind k) { return k == RelationKind::cites ? 0 : k == RelationKind::guides ? 1 : 2; };
  for (const auto& m : find_numbers(text)) {
    std::string key = number_key(m.number);
    if (key == own) continue;
    std::size_t from = m.begin > 160 ? m.begin - 160 : 0;
    std::string context = core::fold_vietnamese(text.substr(from, m.begin - from));
    // Only the sentence the number sits in.
    auto stop = context.find_last_of(".;\n");
    if (stop != std::string::npos) context = context.substr(stop + 1);
    RelationKind kind = RelationKind::cites;
    if (context.find("thay the") != std::string::npos) kind = RelationKind::replaces;
    else if (context.find("sua doi") != std::string::npos || context.find("bo sung") != std::string::npos) kind = RelationKind::amends;
    else if (context.find("huong dan") != std::string::npos || context.find("quy dinh chi tiet") != std::string::npos) kind = RelationKind::guides;
    auto it = by_target.find(key);
    if (it == by_target.end()) by_target[key] = Relation{kind, m.number};
    else if (strength(kind) > strength(it->second.kind)) it->second.kind = kind;
  }
  std::vector<Relation> out;
  for (auto& [k, r] : by_target) out.push_back(r);
  return out;
}

}  // namespace library
