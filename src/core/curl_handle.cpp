#include "core/curl_handle.h"

#include <mutex>

namespace core {

CurlHandle new_curl_handle() {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return CurlHandle(curl_easy_init(), curl_easy_cleanup);
}

}  // namespace core
