#include "messaging/signature.h"

#include "core/random.h"

namespace messaging {

namespace {
// "<prefix><hex>" from a header, hex lower-cased; nullopt when the prefix is missing.
std::optional<std::string> hex_after(std::optional<std::string_view> header, std::string_view prefix) {
  if (!header || !header->starts_with(prefix)) return std::nullopt;
  std::string hex(header->substr(prefix.size()));
  for (char& c : hex)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  return hex;
}
}  // namespace

std::string messenger_signature(std::string_view body, std::string_view app_secret) {
  return "sha256=" + core::hmac_sha256_hex(app_secret, body);
}

bool messenger_signature_valid(std::string_view body, std::optional<std::string_view> header, std::string_view app_secret) {
  auto given = hex_after(header, "sha256=");
  return given && !app_secret.empty() && core::secure_equals(*given, core::hmac_sha256_hex(app_secret, body));
}

std::string zalo_signature(std::string_view app_id, std::string_view body, std::string_view timestamp, std::string_view oa_secret) {
  std::string data;
  data.reserve(app_id.size() + body.size() + timestamp.size() + oa_secret.size());
  data.append(app_id).append(body).append(timestamp).append(oa_secret);
  return "mac=" + core::sha256_hex(data);
}

bool zalo_signature_valid(std::string_view app_id, std::string_view body, std::string_view timestamp,
                          std::optional<std::string_view> header, std::string_view oa_secret) {
  auto given = hex_after(header, "mac=");
  return given && !oa_secret.empty() && core::secure_equals(*given, zalo_signature(app_id, body, timestamp, oa_secret).substr(4));
}

}  // namespace messaging
