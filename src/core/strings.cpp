#include "core/strings.h"

#include "core/utf8.h"

namespace core {

std::vector<std::string> split(std::string_view text, std::string_view separator) {
  std::vector<std::string> pieces;
  if (separator.empty()) return {std::string(text)};
  for (std::size_t start = 0;;) {
    auto end = text.find(separator, start);
    if (end == std::string_view::npos) {
      pieces.emplace_back(text.substr(start));
      return pieces;
    }
    pieces.emplace_back(text.substr(start, end - start));
    start = end + separator.size();
  }
}

std::string_view trim(std::string_view text, std::string_view chars) {
  auto first = text.find_first_not_of(chars);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(chars) - first + 1);
}

std::vector<std::string> split_list(std::string_view text, char separator) {
  std::vector<std::string> items;
  for (const auto& piece : split(text, std::string_view(&separator, 1)))
    if (auto item = trim(piece); !item.empty()) items.emplace_back(item);
  return items;
}

std::vector<std::string> split_clean(std::string_view text, char separator) {
  std::vector<std::string> items;
  for (const auto& piece : split(text, std::string_view(&separator, 1)))
    if (auto item = clean_text(piece); !item.empty()) items.push_back(std::move(item));
  return items;
}

std::string join(const std::vector<std::string>& pieces, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) out += separator;
    out += pieces[i];
  }
  return out;
}

std::string for_log(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f || c == '\\') {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace core
