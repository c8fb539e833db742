#include "messaging/channel.h"

#include "core/random.h"

namespace messaging {

std::string_view channel_name(Channel c) { return c == Channel::messenger ? "messenger" : "zalo"; }

std::optional<Channel> parse_channel(std::string_view name) {
  if (name == "messenger") return Channel::messenger;
  if (name == "zalo") return Channel::zalo;
  return std::nullopt;
}

std::string conversation_id(Channel c, std::string_view sender_id) {
  return "msg-" + core::sha256_hex(std::string(channel_name(c)) + ":" + std::string(sender_id)).substr(0, 24);
}

}  // namespace messaging
