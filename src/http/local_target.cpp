#include "http/local_target.h"

#include "http/message.h"

namespace http {

namespace {
constexpr std::size_t kMaxTarget = 2000;

// Printable ASCII, no space, no backslash: what a path in a Location header needs.
bool plain_ascii_path_bytes(std::string_view s) {
  for (unsigned char c : s)
    if (c <= 0x20 || c >= 0x7f || c == '\\') return false;
  return true;
}

bool starts_as_local_path(std::string_view s) {
  return !s.empty() && s.front() == '/' && (s.size() == 1 || (s[1] != '/' && s[1] != '\\'));
}
}  // namespace

std::optional<std::string> local_target(std::string_view candidate) {
  if (candidate.size() > kMaxTarget || !starts_as_local_path(candidate) || !plain_ascii_path_bytes(candidate))
    return std::nullopt;
  std::string decoded(candidate);
  for (int round = 0; round < 2; ++round) {
    auto next = percent_decode(decoded);
    // Undecodable (a stray '%', invalid UTF-8): a browser would not read it as a path of ours either.
    if (!next) return std::nullopt;
    decoded = std::move(*next);
    // Decoded Vietnamese letters are fine; decoded control characters and backslashes are not.
    for (unsigned char c : decoded)
      if (c < 0x20 || c == 0x7f || c == '\\') return std::nullopt;
    if (!starts_as_local_path(decoded)) return std::nullopt;
  }
  return std::string(candidate);
}

}  // namespace http
