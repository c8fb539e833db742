#pragma once
// What goes back to the person: the answer as plain text with a link to the article it quotes,
// within the platforms' length limit, and the platform request that carries it.
#include "answer/answer_service.h"
#include "core/config.h"
#include "messaging/settings.h"
#include "core/http_post.h"
#include "messaging/channel.h"

#include <string>
#include <string_view>

namespace messaging {

// Messenger refuses longer texts; Zalo OA's consultation message has the same limit.
constexpr std::size_t kMaxReplyChars = 2000;

// The answer text, then "Xem toàn văn: <absolute URL of the first citation>" when there is one.
std::string format_reply(const answer::Answer& a, const core::Config& config);

// At most `max_chars` code points, cut after the last sentence (or word) that fits, with "…".
std::string trim_at_sentence(std::string_view text, std::size_t max_chars);

// The send-API request for one reply; an error text when the channel has no access token.
struct SendRequest {
  core::HttpPost post;
  std::string error;
};
SendRequest send_request(Channel channel, const std::string& recipient_id, const std::string& text, const Settings& settings);

// What the platform's answer means for the reply: network errors, 5xx and 429 are worth another
// try; other refusals (bad token, unknown user) will not change. Zalo reports errors in a 200
// response's "error" field. `error` is for the outbox row and the log (never personal data).
struct Delivery {
  enum Kind { sent, retry, failed } kind = failed;
  std::string error;
};
Delivery delivery_outcome(Channel channel, const core::HttpPostResult& result);

}  // namespace messaging
