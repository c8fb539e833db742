#include "messaging/reply.h"

#include "core/utf8.h"
#include "http/message.h"
#include "text/personal_data.h"

#include <nlohmann/json.hpp>

namespace messaging {

namespace {
// Byte offset just after the first `n` code points of valid UTF-8.
std::size_t offset_of(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --n;
  }
  return i;
}
}  // namespace

std::string trim_at_sentence(std::string_view text, std::size_t max_chars) {
  if (core::utf8_length(text) <= max_chars) return std::string(text);
  const std::string_view ellipsis = "…";
  std::string_view head = text.substr(0, offset_of(text, max_chars > 0 ? max_chars - 1 : 0));
  // A sentence end in the second half keeps the reply readable; else the last space.
  std::size_t cut = std::string_view::npos;
  for (std::size_t i = head.size(); i > head.size() / 2; --i) {
    char c = head[i - 1];
    if (c == '\n' || ((c == '.' || c == ';' || c == '?' || c == '!') && (i == head.size() || head[i] == ' ' || head[i] == '\n'))) {
      cut = i;
      break;
    }
  }
  if (cut == std::string_view::npos) cut = head.rfind(' ');
  if (cut == std::string_view::npos || cut == 0) cut = head.size();
  std::string out(head.substr(0, cut));
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out + std::string(ellipsis);
}

std::string format_reply(const answer::Answer& a, const core::Config& config) {
  std::string link;
  if (!a.citations.empty() && !a.citations.front().url.empty())
    link = "\n\nXem toàn văn: " + config.absolute_url(a.citations.front().url);
  // The link always survives: it is where the whole article can be read.
  return trim_at_sentence(a.text, kMaxReplyChars - core::utf8_length(link)) + link;
}

SendRequest send_request(Channel channel, const std::string& recipient_id, const std::string& text, const Settings& settings) {
  SendRequest r;
  if (channel == Channel::messenger) {
    if (settings.messenger.page_token.empty()) r.error = "PHOBIEN_MESSENGER_PAGE_TOKEN is not set";
    const auto& url = settings.messenger.send_url;
    r.post.url = url + (url.find('?') == std::string::npos ? "?" : "&") + "access_token=" + http::percent_encode(settings.messenger.page_token);
    r.post.body = nlohmann::json{{"recipient", {{"id", recipient_id}}}, {"messaging_type", "RESPONSE"}, {"message", {{"text", text}}}}.dump();
  } else {
    if (settings.zalo.access_token.empty()) r.error = "PHOBIEN_ZALO_ACCESS_TOKEN is not set";
    r.post.url = settings.zalo.send_url;
    r.post.headers.push_back("access_token: " + settings.zalo.access_token);
    r.post.body = nlohmann::json{{"recipient", {{"user_id", recipient_id}}}, {"message", {{"text", text}}}}.dump();
  }
  return r;
}

Delivery delivery_outcome(Channel channel, const core::HttpPostResult& result) {
  auto detail = [&](const std::string& what) { return what + ": " + text::mask_personal_data(trim_at_sentence(result.body, 300)); };
  if (result.status == 0) return {Delivery::retry, "network: " + result.error};
  if (result.status == 429 || result.status >= 500) return {Delivery::retry, detail("HTTP " + std::to_string(result.status))};
  if (result.status < 200 || result.status >= 300) return {Delivery::failed, detail("HTTP " + std::to_string(result.status))};
  if (channel == Channel::zalo) {
    auto body = nlohmann::json::parse(result.body, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_number_integer() && body["error"].get<long long>() != 0)
      return {Delivery::failed, detail("Zalo error " + std::to_string(body["error"].get<long long>()))};
  }
  return {Delivery::sent, ""};
}

}  // namespace messaging
