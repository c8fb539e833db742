#pragma once
#include "messaging/inbox.h"
#include "web/site.h"

namespace messaging {

// Larger webhook bodies are refused (413) before their signature is even computed.
constexpr std::size_t kMaxWebhookBytes = 64 * 1024;

// GET/POST /webhooks/messenger and POST /webhooks/zalo: machine endpoints authenticated by the
// platforms' signatures (no cookies, so no CSRF token). A channel without its secret configured
// answers 404.
void register_webhook_routes(web::Site& site, Inbox& inbox);

}  // namespace messaging
