#pragma once
// The statistics module's settings section (core/settings.h): where approved PBGDPL reports are
// sent upwards (the Ministry of Justice, the national PBGDPL portal, or a PhoBien installation
// that receives them at POST /api/v1/stats/exchange). Sending is off while `uplink.url` is empty.
#include "core/settings.h"

#include <cstdint>
#include <string>

namespace stats {

struct UplinkSettings {
  std::string url;    // http(s) address that takes the exchange JSON by POST
  std::string token;  // sent as "Authorization: Bearer …" (the receiver's stats:submit token)
  int max_attempts = 12;                // sends of one report before it is given up
  std::int64_t retry_base_seconds = 60;  // backoff: base × 1, 5, 30, 120, 360 (1 min … 6 h)
  bool enabled() const { return !url.empty(); }
};

struct Settings {
  UplinkSettings uplink;
};

// Keys uplink.url, uplink.token, uplink.max_attempts, uplink.retry_base_seconds
// (PHOBIEN_UPLINK_URL, …).
core::SettingsSection settings_section();

}  // namespace stats
