#include "http/client_ip.h"

#include "core/strings.h"

#include <arpa/inet.h>

#include <array>
#include <cstring>

namespace http {

namespace {
struct Address {
  int family = 0;
  std::array<unsigned char, 16> bytes{};
};

std::optional<Address> parse_address(const std::string& s) {
  Address a;
  if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1) {
    a.family = AF_INET;
    return a;
  }
  if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) == 1) {
    a.family = AF_INET6;
    return a;
  }
  return std::nullopt;
}

bool matches(const Address& ip, const std::string& entry) {
  auto slash = entry.find('/');
  auto net = parse_address(entry.substr(0, slash));
  if (!net || net->family != ip.family) return false;
  int max_bits = ip.family == AF_INET ? 32 : 128;
  int bits = max_bits;
  if (slash != std::string::npos) {
    try {
      bits = std::stoi(entry.substr(slash + 1));
    } catch (...) {
      return false;
    }
    if (bits < 0 || bits > max_bits) return false;
  }
  for (int i = 0; i < bits; ++i) {
    int byte = i / 8, bit = 7 - i % 8;
    if (((ip.bytes[byte] >> bit) & 1) != ((net->bytes[byte] >> bit) & 1)) return false;
  }
  return true;
}

std::string trim(std::string_view s) { return std::string(core::trim(s)); }
}  // namespace

std::string client_group(const std::string& ip) {
  auto a = parse_address(ip);
  if (!a || a->family != AF_INET6) return ip;
  // An IPv4-mapped address (::ffff:a.b.c.d) is one IPv4 client.
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(a->bytes.data(), kMapped, sizeof kMapped) == 0) return ip;
  std::array<unsigned char, 16> prefix{};
  std::memcpy(prefix.data(), a->bytes.data(), 8);
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(AF_INET6, prefix.data(), text, sizeof text);
  return std::string(text) + "/64";
}

bool ip_in_list(const std::string& ip, const std::vector<std::string>& list) {
  auto a = parse_address(ip);
  if (!a) return false;
  for (const auto& entry : list)
    if (matches(*a, entry)) return true;
  return false;
}

std::string client_ip(const http::Request& request, const std::vector<std::string>& trusted_proxies) {
  if (trusted_proxies.empty() || !ip_in_list(request.peer_ip, trusted_proxies)) return request.peer_ip;
  auto xff = request.header("x-forwarded-for");
  if (!xff) return request.peer_ip;
  std::string_view rest = *xff;
  // Walk from the right: each hop appended the address it saw.
  while (!rest.empty()) {
    auto comma = rest.rfind(',');
    std::string hop = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (!parse_address(hop)) return request.peer_ip;  // garbage: trust nothing further
    if (!ip_in_list(hop, trusted_proxies)) return hop;
  }
  return request.peer_ip;
}

}  // namespace http
