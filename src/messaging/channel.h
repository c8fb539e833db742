#pragma once
// Chat channels through which citizens ask the answering service: Facebook Messenger (a Page)
// and Zalo (an Official Account). Plain data shared by the webhook routes, the queue and the worker.
#include <optional>
#include <string>
#include <string_view>

namespace messaging {

enum class Channel { messenger, zalo };

std::string_view channel_name(Channel c);  // "messenger", "zalo": the value stored in the database
std::optional<Channel> parse_channel(std::string_view name);

// The answering service's conversation id for one person on one channel: "msg-" and 24 hex digits
// of SHA-256("channel:sender"), so the platform's user id never becomes a conversation id.
std::string conversation_id(Channel c, std::string_view sender_id);

// One text message a person sent.
struct InboundMessage {
  Channel channel = Channel::messenger;
  std::string sender_id;
  std::string platform_message_id;  // "" when the platform gave none
  std::string text;                 // NFC, control characters removed
};

}  // namespace messaging
