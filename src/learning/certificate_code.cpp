#include "learning/certificate_code.h"

#include "core/random.h"

#include <cstdint>

namespace learning {

namespace {
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string new_certificate_code() {
  std::uint64_t bits = std::stoull(core::random_hex(8), nullptr, 16);
  std::string code;
  for (std::size_t i = 0; i < kCertificateCodeLength; ++i, bits >>= 5) code += kAlphabet[bits & 31];
  return code;
}

std::optional<std::string> normalize_certificate_code(std::string_view typed) {
  if (typed.size() > 64) return std::nullopt;
  std::string code;
  for (char ch : typed) {
    if (ch == ' ' || ch == '-') continue;
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch == 'O') ch = '0';
    if (ch == 'I' || ch == 'L') ch = '1';
    if (kAlphabet.find(ch) == std::string_view::npos) return std::nullopt;
    code += ch;
  }
  if (code.size() != kCertificateCodeLength) return std::nullopt;
  return code;
}

std::string display_certificate_code(const std::string& code) {
  if (code.size() != kCertificateCodeLength) return code;
  return code.substr(0, 5) + "-" + code.substr(5);
}

}  // namespace learning
