#include "antispam/signed_token.h"

#include "core/random.h"

namespace antispam::token {

namespace {
constexpr std::size_t kMacHexLength = 64;

std::string mac(std::string_view secret, std::string_view purpose, std::string_view payload) {
  std::string message;
  message.reserve(purpose.size() + 1 + payload.size());
  message.append(purpose).append("\n").append(payload);
  return core::hmac_sha256_hex(secret, message);
}
}  // namespace

std::string sign(std::string_view secret, std::string_view purpose, std::string_view payload) {
  return std::string(payload) + "." + mac(secret, purpose, payload);
}

std::optional<Parts> split_mac(std::string_view token) {
  auto dot = token.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  Parts p{token.substr(0, dot), token.substr(dot + 1)};
  if (!lower_hex(p.mac, kMacHexLength)) return std::nullopt;
  return p;
}

bool mac_valid(std::string_view secret, std::string_view purpose, const Parts& parts) {
  return core::secure_equals(mac(secret, purpose, parts.payload), parts.mac);
}

std::vector<std::string_view> fields(std::string_view payload) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    auto dot = payload.find('.', start);
    out.push_back(payload.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return out;
    start = dot + 1;
  }
}

std::optional<std::int64_t> decimal(std::string_view s, std::size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool lower_hex(std::string_view s, std::size_t length) {
  if (s.size() != length) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace antispam::token
