#include "mail/smtp_sender.h"

#include "core/curl_handle.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace mail {

namespace {
struct Upload {
  const std::string& data;
  std::size_t sent = 0;
};

std::size_t on_read(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  std::size_t n = std::min(size * count, up->data.size() - up->sent);
  std::memcpy(buffer, up->data.data() + up->sent, n);
  up->sent += n;
  return n;  // 0 ends the upload: libcurl then sends the final "."
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* cancel = static_cast<const std::atomic<bool>*>(user);
  return cancel && cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

std::string url_of(const SmtpSettings& smtp) {
  std::string host = smtp.host;
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";  // IPv6 literal
  return (smtp.security == "tls" ? "smtps://" : "smtp://") + host + ":" + std::to_string(smtp.port);
}
}  // namespace

SmtpResult smtp_send(const SmtpSettings& smtp, const std::string& from, const std::string& to, const std::string& data,
                     const std::atomic<bool>* cancel) {
  SmtpResult result;
  auto curl = core::new_curl_handle();
  if (!curl) {
    result.error = "curl_easy_init failed";
    return result;
  }
  std::string mail_from = "<" + from + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(curl_slist_append(nullptr, ("<" + to + ">").c_str()),
                                                                   curl_slist_free_all);
  Upload upload{data};
  const long timeout_ms = static_cast<long>(smtp.timeout_seconds) * 1000;
  std::string url = url_of(smtp);

  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  // STARTTLS is required, not attempted: a server (or an attacker) that hides it gets no mail.
  if (smtp.security == "starttls") curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!smtp.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, smtp.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, smtp.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, on_read);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 10000L));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: we are multi-threaded
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(cancel));
  CURLcode code = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.code);
  if (code != CURLE_OK) {
    result.cancelled = code == CURLE_ABORTED_BY_CALLBACK;
    bool refusal = result.code >= 400;  // else the code is that of an earlier, accepted step (EHLO)
    // The reply's code only: its text may quote the recipient's address, which must not be stored.
    result.error = refusal ? "SMTP " + std::to_string(result.code) + " (" + curl_easy_strerror(code) + ")" : curl_easy_strerror(code);
    bool setup = code == CURLE_USE_SSL_FAILED || code == CURLE_LOGIN_DENIED || result.code == 530 || result.code == 534 ||
                 result.code == 535 || result.code == 538;
    result.permanent = result.code >= 500 && result.code < 600 && !setup;
  }
  return result;
}

}  // namespace mail
