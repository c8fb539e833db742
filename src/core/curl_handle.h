#pragma once
// A libcurl easy handle for one transfer, libcurl's global set-up done once per process before
// the first (curl_global_init is not thread-safe). Every libcurl caller takes its handles here
// (core/http_post.cpp, mail/smtp_sender.cpp).
#include <curl/curl.h>

#include <memory>

namespace core {

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

// A new handle, cleaned up when it goes; null when libcurl cannot make one.
CurlHandle new_curl_handle();

}  // namespace core
