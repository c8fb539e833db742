#pragma once
// Outbound HTTP POST (libcurl) for calls to other services: chat platforms' send APIs, later
// webhooks and the national portal. Short timeouts; a flag cancels a call in flight at shutdown.
#include <atomic>
#include <string>
#include <vector>

namespace core {

struct HttpPost {
  std::string url;
  std::vector<std::string> headers;  // "Name: value"; Content-Type: application/json is added
  std::string body;
  long connect_timeout_ms = 5000;
  long timeout_ms = 15000;
};

struct HttpPostResult {
  long status = 0;     // 0 when no HTTP response came back
  std::string body;    // at most 64 KB is kept
  std::string error;   // libcurl's message when status is 0
  bool cancelled = false;
};

HttpPostResult http_post(const HttpPost& request, const std::atomic<bool>* cancel = nullptr);

}  // namespace core
