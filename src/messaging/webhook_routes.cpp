#include "messaging/webhook_routes.h"

#include "core/time.h"

#include "core/json_depth.h"
#include "core/random.h"
#include "messaging/settings.h"
#include "messaging/signature.h"
#include "messaging/webhook_events.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>

namespace messaging {

namespace {
http::Response not_configured() { return web::Site::api_error(404, "not_found", "Không tìm thấy địa chỉ yêu cầu."); }
http::Response bad_signature() { return web::Site::api_error(401, "invalid_signature", "Chữ ký của yêu cầu không hợp lệ."); }
http::Response invalid_json() { return web::Site::api_error(400, "invalid_json", "Nội dung JSON không hợp lệ."); }

// Messages queued, platform told at once: it retries webhooks that are slow to answer.
http::Response received(Inbox& inbox, Channel channel, const core::Result<std::vector<InboundMessage>>& messages) {
  if (!messages) return web::Site::api_error(400, "invalid_payload", messages.error().message);
  int queued = inbox.accept(*messages);
  if (queued > 0) spdlog::info("messaging: {} message(s) from {} queued", queued, channel_name(channel));
  return http::Response::text("EVENT_RECEIVED");
}
}  // namespace

void register_webhook_routes(web::Site& site, Inbox& inbox) {
  const Settings& settings = site.config().section<Settings>();

  // Subscription handshake: Facebook proves it knows the verify token; we echo its challenge.
  site.add(web::webhook("GET", "/webhooks/messenger", 0), [&settings](http::Request& r, web::Visitor&) {
    if (!settings.messenger.enabled() || settings.messenger.verify_token.empty()) return not_configured();
    auto token = r.query_param("hub.verify_token");
    auto challenge = r.query_param("hub.challenge");
    if (r.query_param("hub.mode") != "subscribe" || !token || !core::secure_equals(*token, settings.messenger.verify_token) ||
        !challenge || challenge->empty() || challenge->size() > 256)
      return web::Site::api_error(403, "forbidden", "Mã xác minh không đúng.");
    return http::Response::text(*challenge);
  });

  site.add(web::webhook("POST", "/webhooks/messenger", kMaxWebhookBytes), [&settings, &inbox](http::Request& r, web::Visitor&) {
    if (!settings.messenger.enabled()) return not_configured();
    if (!messenger_signature_valid(r.body, r.header("x-hub-signature-256"), settings.messenger.app_secret)) return bad_signature();
    auto body = nlohmann::json::parse(r.body, nullptr, false);
    if (body.is_discarded()) return invalid_json();
    return received(inbox, Channel::messenger, messenger_messages(body, core::now_unix_ms()));
  });

  site.add(web::webhook("POST", "/webhooks/zalo", kMaxWebhookBytes), [&settings, &inbox](http::Request& r, web::Visitor&) {
    if (!settings.zalo.enabled()) return not_configured();
    // Zalo signs the body together with its own "timestamp" field, so the body is read first; a
    // body that is not JSON has no timestamp and so no valid signature. Nesting is checked first:
    // this body is parsed before anything proves where it came from.
    if (!core::json_depth_within(r.body)) return invalid_json();
    auto body = nlohmann::json::parse(r.body, nullptr, false);
    if (!zalo_signature_valid(settings.zalo.app_id, r.body, zalo_timestamp(body), r.header("x-zevent-signature"), settings.zalo.oa_secret))
      return bad_signature();
    if (body.is_discarded()) return invalid_json();
    return received(inbox, Channel::zalo, zalo_messages(body, core::now_unix_ms()));
  });
}

}  // namespace messaging
