#pragma once
// The text messages inside a verified webhook body. Everything else the platforms send (echoes
// of the page's own replies, attachments, delivery and read receipts, follows) is ignored.
#include "core/error.h"
#include "messaging/channel.h"

#include <nlohmann/json_fwd.hpp>

#include <vector>

namespace messaging {

// Messenger: {"object": "page", "entry": [{"messaging": [{"sender": {"id"}, "message": {"mid", "text"}}]}]}.
// An error when the body does not have that shape.
core::Result<std::vector<InboundMessage>> messenger_messages(const nlohmann::json& body);

// Zalo OA: {"event_name": "user_send_text", "sender": {"id"}, "message": {"msg_id", "text"}, "timestamp"}.
core::Result<std::vector<InboundMessage>> zalo_messages(const nlohmann::json& body);

// The body's "timestamp" as the text Zalo signed ("" when absent).
std::string zalo_timestamp(const nlohmann::json& body);

}  // namespace messaging
