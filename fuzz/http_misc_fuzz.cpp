// The small parsers of http/ that read request bytes: percent_decode/percent_encode,
// parse_urlencoded (query strings), Request::cookie, local_target (redirect targets from outside)
// and client_ip / client_group / ip_in_list (X-Forwarded-For behind trusted proxies). The first
// byte chooses the function; see each case for the layout of the rest.
// Properties, by function:
//  - percent_decode: refuses exactly the inputs with a '%' not followed by two hex digits, never
//    grows the text, keeps '+' unless decoding a form; percent_encode output is unreserved
//    characters and %XX only, and decodes back to the original bytes;
//  - parse_urlencoded: valid UTF-8 NFC pairs that survive being encoded and parsed again;
//  - cookie: a value found in the header, trimmed, without ';';
//  - local_target: only the candidate itself, starting with one '/', printable ASCII without
//    space or backslash, at most 2,000 bytes, and its percent-decoded forms (once, twice) hold no
//    control character or backslash and do not start with "//" or "/\";
//  - client_ip: the peer or one of the X-Forwarded-For hops; a hop only when it is a valid address
//    outside the trusted list; client_group: IPv6 to a stable "/64" prefix, the rest unchanged;
//    an address is in a list holding itself and in its family's "/0".
#include "core/utf8.h"
#include "fuzz_check.h"
#include "http/client_ip.h"
#include "http/local_target.h"
#include "http/message.h"

#include <arpa/inet.h>

#include <algorithm>
#include <vector>

namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool well_escaped(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return false;
      if (!is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
      i += 2;
    }
  return true;
}

bool starts_local(std::string_view s) { return s.starts_with("/") && !s.starts_with("//") && !s.starts_with("/\\"); }

void percent(std::uint8_t selector, std::string_view s) {
  bool form = selector & 0x80;
  auto decoded = http::percent_decode(s, form);
  FUZZ_CHECK(decoded.has_value() == well_escaped(s));
  if (decoded) {
    FUZZ_CHECK(decoded->size() <= s.size());
    if (!form && s.find('%') == std::string_view::npos) FUZZ_CHECK(*decoded == s);
  }
  std::string encoded = http::percent_encode(s);
  for (char c : encoded)
    FUZZ_CHECK(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '~' || c == '%');
  FUZZ_CHECK(http::percent_decode(encoded, form) == std::optional<std::string>(std::string(s)));
}

void urlencoded(std::string_view s) {
  auto pairs = http::parse_urlencoded(s);
  if (!pairs) return;
  std::string again;
  for (const auto& [k, v] : *pairs) {
    FUZZ_CHECK(core::is_valid_utf8(k) && core::is_valid_utf8(v));
    FUZZ_CHECK(core::nfc(k) == k && core::nfc(v) == v);
    again += (again.empty() ? "" : "&") + http::percent_encode(k) + "=" + http::percent_encode(v);
  }
  FUZZ_CHECK(http::parse_urlencoded(again) == pairs);
}

void cookie(std::string_view name, std::string_view header) {
  http::Request request;
  request.headers.emplace_back("cookie", std::string(header));
  auto value = request.cookie(name);
  if (!value) return;
  FUZZ_CHECK(value->find(';') == std::string::npos);
  FUZZ_CHECK(header.find(*value) != std::string_view::npos);
  if (!value->empty()) {
    FUZZ_CHECK(value->front() != ' ' && value->front() != '\t');
    FUZZ_CHECK(value->back() != ' ' && value->back() != '\t');
  }
}

void local(std::string_view candidate) {
  auto target = http::local_target(candidate);
  if (!target) return;
  FUZZ_CHECK(*target == candidate);
  FUZZ_CHECK(target->size() <= 2000);
  FUZZ_CHECK(starts_local(*target));
  for (unsigned char c : *target) FUZZ_CHECK(c > 0x20 && c < 0x7F && c != '\\');
  std::string decoded = *target;
  for (int round = 0; round < 2; ++round) {
    auto next = http::percent_decode(decoded);
    FUZZ_CHECK(next.has_value());
    decoded = *next;
    FUZZ_CHECK(starts_local(decoded));
    for (unsigned char c : decoded) FUZZ_CHECK(c >= 0x20 && c != 0x7F && c != '\\');
  }
}

bool is_address(const std::string& s) {
  unsigned char buf[16];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}
bool is_ipv6(const std::string& s) {
  unsigned char buf[16];
  return inet_pton(AF_INET6, s.c_str(), buf) == 1;
}
bool is_mapped_ipv4(const std::string& s) {
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  unsigned char buf[16];
  return inet_pton(AF_INET6, s.c_str(), buf) == 1 && std::equal(kMapped, kMapped + 12, buf);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  while (true) {
    std::size_t at = s.find(sep);
    out.emplace_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

void client(fuzz::Input& input) {
  // The peer comes from the socket, the list from the configuration, and Beast refuses a header
  // value with a NUL; inet_pton would read such a string only up to the NUL.
  if (input.rest_view().find('\0') != std::string_view::npos) return;
  http::Request request;
  request.peer_ip = std::string(input.line());
  std::vector<std::string> trusted;
  if (std::string_view list = input.line(); !list.empty()) trusted = split(list, ',');
  std::string_view xff = input.rest();
  request.headers.emplace_back("x-forwarded-for", std::string(xff));

  std::string ip = http::client_ip(request, trusted);
  if (ip != request.peer_ip) {
    FUZZ_CHECK(is_address(ip));
    FUZZ_CHECK(!http::ip_in_list(ip, trusted));
    bool is_hop = false;
    for (const std::string& hop : split(xff, ',')) is_hop |= trimmed(hop) == ip;
    FUZZ_CHECK(is_hop);
  }
  for (const std::string& address : {request.peer_ip, ip}) {
    std::string group = http::client_group(address);
    if (is_ipv6(address) && !is_mapped_ipv4(address)) {
      FUZZ_CHECK(group.ends_with("/64"));
      std::string prefix = group.substr(0, group.size() - 3);
      FUZZ_CHECK(is_ipv6(prefix));
      FUZZ_CHECK(http::client_group(prefix) == group);
      FUZZ_CHECK(http::ip_in_list(address, {group}));
    } else {
      FUZZ_CHECK(group == address);
    }
    FUZZ_CHECK(http::ip_in_list(address, {address}) == is_address(address));
    if (is_address(address)) FUZZ_CHECK(http::ip_in_list(address, {is_ipv6(address) ? "::/0" : "0.0.0.0/0"}));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(fuzz::bytes(data, size));
  std::uint8_t selector = input.byte();
  switch (selector % 5) {
    case 0: percent(selector, input.rest()); break;
    case 1: urlencoded(input.rest()); break;
    case 2: {
      std::string_view name = input.line();
      cookie(name, input.rest());
      break;
    }
    case 3: local(input.rest()); break;
    default: client(input); break;
  }
  return 0;
}
