#pragma once
// Webhook signatures: proof that a request comes from the platform, checked before anything in
// the body is believed. Comparisons are constant-time.
#include <optional>
#include <string>
#include <string_view>

namespace messaging {

// Facebook: header X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256(raw body, app secret).
std::string messenger_signature(std::string_view body, std::string_view app_secret);
bool messenger_signature_valid(std::string_view body, std::optional<std::string_view> header, std::string_view app_secret);

// Zalo OA: header X-ZEvent-Signature = "mac=" + hex SHA-256(app id + raw body + timestamp + OA secret),
// the timestamp being the body's own "timestamp" field.
std::string zalo_signature(std::string_view app_id, std::string_view body, std::string_view timestamp, std::string_view oa_secret);
bool zalo_signature_valid(std::string_view app_id, std::string_view body, std::string_view timestamp,
                          std::optional<std::string_view> header, std::string_view oa_secret);

}  // namespace messaging
