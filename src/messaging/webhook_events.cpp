#include "messaging/webhook_events.h"

#include "core/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace messaging {

namespace {
core::ServiceError bad_shape() { return core::ServiceError::invalid("Nội dung sự kiện không đúng định dạng của nền tảng."); }

// Platform user ids are digits; anything odd is not stored.
bool plausible_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 &&
         std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

std::string string_at(const nlohmann::json& j, const char* object, const char* field) {
  if (!j.contains(object) || !j[object].is_object()) return "";
  const auto& o = j[object];
  if (!o.contains(field)) return "";
  if (o[field].is_string()) return o[field].get<std::string>();
  if (o[field].is_number_integer()) return std::to_string(o[field].get<long long>());
  return "";
}

// Milliseconds since the epoch, as a number or a string of digits; nothing otherwise.
std::optional<std::int64_t> millis(const nlohmann::json& j, const char* field) {
  if (!j.is_object() || !j.contains(field)) return std::nullopt;
  const auto& t = j[field];
  if (t.is_number_integer()) return t.get<std::int64_t>();
  if (!t.is_string()) return std::nullopt;
  const auto& text = t.get_ref<const std::string&>();
  if (text.empty() || text.size() > 15 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoll(text);
}

bool within_window(std::optional<std::int64_t> at, std::int64_t now) {
  return at && *at >= now - kMaxEventAgeMillis && *at <= now + kMaxEventAheadMillis;
}

// A message worth answering: a plausible sender, the platform's message id (so that a replay is
// recognised), some text, a timestamp in the window.
std::optional<InboundMessage> make(Channel channel, std::string sender, std::string mid, const std::string& text,
                                   std::optional<std::int64_t> at, std::int64_t now) {
  std::string clean = core::clean_text(core::nfc(text));
  if (!plausible_id(sender) || clean.empty() || mid.empty() || mid.size() > 200 || !within_window(at, now)) return std::nullopt;
  return InboundMessage{channel, std::move(sender), std::move(mid), std::move(clean)};
}
}  // namespace

core::Result<std::vector<InboundMessage>> messenger_messages(const nlohmann::json& body, std::int64_t now_millis) {
  if (!body.is_object() || !body.contains("entry") || !body["entry"].is_array()) return core::fail(bad_shape());
  std::vector<InboundMessage> out;
  if (!body.contains("object") || body["object"] != "page") return out;  // Instagram and others share the format
  for (const auto& entry : body["entry"]) {
    if (!entry.is_object() || !entry.contains("messaging")) continue;
    if (!entry["messaging"].is_array()) return core::fail(bad_shape());
    for (const auto& event : entry["messaging"]) {
      if (!event.is_object() || !event.contains("message") || !event["message"].is_object()) continue;  // delivery, read, postback
      const auto& m = event["message"];
      if ((m.contains("is_echo") && m["is_echo"] == true) || !m.contains("text") || !m["text"].is_string()) continue;  // our own replies, attachments
      if (auto msg = make(Channel::messenger, string_at(event, "sender", "id"), string_at(event, "message", "mid"), m["text"],
                          millis(event, "timestamp"), now_millis))
        out.push_back(std::move(*msg));
    }
  }
  return out;
}

core::Result<std::vector<InboundMessage>> zalo_messages(const nlohmann::json& body, std::int64_t now_millis) {
  if (!body.is_object() || !body.contains("event_name") || !body["event_name"].is_string()) return core::fail(bad_shape());
  std::vector<InboundMessage> out;
  if (body["event_name"] != "user_send_text") return out;
  if (!body.contains("message") || !body["message"].is_object() || !body["message"].contains("text") ||
      !body["message"]["text"].is_string())
    return core::fail(bad_shape());
  if (auto msg = make(Channel::zalo, string_at(body, "sender", "id"), string_at(body, "message", "msg_id"), body["message"]["text"],
                      millis(body, "timestamp"), now_millis))
    out.push_back(std::move(*msg));
  return out;
}

std::string zalo_timestamp(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("timestamp")) return "";
  const auto& t = body["timestamp"];
  if (t.is_string()) return t.get<std::string>();
  if (t.is_number_integer()) return std::to_string(t.get<long long>());
  return "";
}

}  // namespace messaging
