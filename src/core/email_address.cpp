#include "core/email_address.h"

namespace core {

namespace {
bool is_alnum(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); }

// RFC 5322 atext: what a dot-atom local part may hold besides dots.
bool is_atext(char ch) { return is_alnum(ch) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(ch) != std::string_view::npos; }

bool valid_local_part(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) return false;
  for (char ch : s)
    if (ch != '.' && !is_atext(ch)) return false;
  return true;
}

bool valid_domain(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    auto end = s.find('.', start);
    auto label = s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char ch : label)
      if (!is_alnum(ch) && ch != '-') return false;
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}
}  // namespace

bool is_valid_email_address(std::string_view address) {
  auto at = address.rfind('@');
  if (address.size() > 254 || at == std::string_view::npos) return false;
  return valid_local_part(address.substr(0, at)) && valid_domain(address.substr(at + 1));
}

}  // namespace core
