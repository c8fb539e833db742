#include "text/texting.h"

#include "text/vietnamese.h"

#include <array>
#include <optional>
#include <utility>

namespace text {

namespace {

// Folded shorthand → its words. Keys are folded, so "đc" and "dc" are one.
constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kShorthand = {{
    {"k", "không"},         {"ko", "không"},        {"khg", "không"},      {"hok", "không"},       {"dc", "được"},
    {"vs", "với"},          {"ng", "người"},        {"ngta", "người ta"},   {"j", "gì"},            {"bn", "bao nhiêu"},
    {"bnhieu", "bao nhiêu"}, {"ntn", "như thế nào"}, {"cty", "công ty"},    {"ck", "chồng"},        {"vk", "vợ"},
    {"bme", "bố mẹ"},       {"trc", "trước"},       {"tg", "thời gian"},   {"lm", "làm"},          {"ms", "mới"},
    {"kq", "kết quả"},      {"sdt", "số điện thoại"}, {"mn", "mọi người"},  {"mng", "mọi người"},
}};

std::optional<std::string_view> shorthand(std::string_view folded) {
  for (const auto& [key, words] : kShorthand)
    if (key == folded) return words;
  return std::nullopt;
}

}  // namespace

std::string expand_texting(std::string_view nfc_text) {
  const auto tokens = tokenize(nfc_text);
  bool accented = false;
  for (const auto& t : tokens) accented |= has_diacritics(t.lower);
  std::string out;
  std::size_t pos = 0;
  std::string_view previous;
  for (const auto& t : tokens) {
    auto words = shorthand(t.folded);
    if (words && t.folded == "k" && previous == "diem") words = std::nullopt;  // "điểm k khoản 2"
    if (words) {
      out.append(nfc_text, pos, t.begin - pos);
      out += accented ? std::string(*words) : fold(*words);
      pos = t.end;
    }
    previous = t.folded;
  }
  out.append(nfc_text, pos);
  return out;
}

}  // namespace text
