#pragma once
// The messaging module's settings section (core/settings.h): the Messenger and Zalo channels and
// the reply outbox. A channel is on when its secret is set; its endpoints are 404 otherwise.
#include "core/settings.h"

#include <cstdint>
#include <string>

namespace messaging {

struct MessengerSettings {
  std::string app_secret;    // signs webhook bodies (X-Hub-Signature-256)
  std::string verify_token;  // echoed by Facebook in the subscription handshake
  std::string page_token;    // sends replies
  std::string send_url = "https://graph.facebook.com/v19.0/me/messages";
  bool enabled() const { return !app_secret.empty(); }
};

struct ZaloSettings {
  std::string app_id;
  std::string oa_secret;     // signs webhook bodies (X-ZEvent-Signature)
  std::string access_token;  // sends replies
  std::string send_url = "https://openapi.zalo.me/v3.0/oa/message/cs";
  bool enabled() const { return !oa_secret.empty(); }
};

struct Settings {
  MessengerSettings messenger;
  ZaloSettings zalo;
  int outbox_max_attempts = 6;                 // sends of one reply before it is given up
  std::int64_t outbox_retry_base_seconds = 5;  // backoff: base x 1, 6, 24, 120, 720 (5 s … 1 h)
  std::int64_t message_retention_days = 90;    // messages and finished replies older than this are deleted
};

// Keys messenger.*, zalo.*, outbox_max_attempts, outbox_retry_base_seconds, message_retention_days.
core::SettingsSection settings_section();

}  // namespace messaging
