#pragma once
// The text messages inside a verified webhook body. Everything else the platforms send (echoes
// of the page's own replies, attachments, delivery and read receipts, follows) is ignored.
//
// Replays: a signed body sent again is harmless only while its message ids are still stored (a
// unique index drops the copy), and inbound messages are deleted after their retention. So a
// message without the platform's id, or with a timestamp outside the window below, is ignored.
#include "core/error.h"
#include "messaging/channel.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <vector>

namespace messaging {

// An event is taken when its timestamp lies from a day before `now` to 15 minutes after it (the
// platforms retry a webhook for hours at most; clocks drift).
constexpr std::int64_t kMaxEventAgeMillis = 24 * 3600 * 1000LL;
constexpr std::int64_t kMaxEventAheadMillis = 15 * 60 * 1000LL;

// Messenger: {"object": "page", "entry": [{"messaging": [{"sender": {"id"}, "timestamp",
// "message": {"mid", "text"}}]}]}. An error when the body does not have that shape. `now_millis`:
// the current time in milliseconds since the epoch.
core::Result<std::vector<InboundMessage>> messenger_messages(const nlohmann::json& body, std::int64_t now_millis);

// Zalo OA: {"event_name": "user_send_text", "sender": {"id"}, "message": {"msg_id", "text"}, "timestamp"}.
core::Result<std::vector<InboundMessage>> zalo_messages(const nlohmann::json& body, std::int64_t now_millis);

// The body's "timestamp" as the text Zalo signed ("" when absent).
std::string zalo_timestamp(const nlohmann::json& body);

}  // namespace messaging
