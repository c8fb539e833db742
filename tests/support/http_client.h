#pragma once
// A deliberately plain HTTP/1.1 client over a socket, so tests can send exactly the bytes they
// want (malformed requests, oversized headers) and see exactly what comes back.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace testing_support {

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::optional<std::string> header(const std::string& lower_name) const;
  std::vector<std::string> all(const std::string& lower_name) const;
};

// Sends `raw` and reads until the server closes the connection.
HttpResponse send_raw(std::uint16_t port, const std::string& raw);

// A browser-like client: keeps cookies, sends Connection: close.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port) : port_(port) {}
  HttpResponse get(const std::string& target, const std::map<std::string, std::string>& headers = {});
  HttpResponse post_form(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields,
                         const std::map<std::string, std::string>& headers = {});
  HttpResponse post_multipart(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields,
                              const std::string& file_field, const std::string& file_name, const std::string& file_data);
  HttpResponse request(const std::string& method, const std::string& target, const std::string& body,
                       std::map<std::string, std::string> headers);
  // The CSRF token a page's forms carry (after a GET of any HTML page).
  std::string csrf() const;
  std::optional<std::string> cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  // Logs in through the form; true on success.
  bool login(const std::string& email, const std::string& password);

 private:
  std::uint16_t port_;
  std::map<std::string, std::string> cookies_;
};

std::string url_encode(const std::string& s);

// "Name: value" lines after the first line of an HTTP head (no blank line), names lower-cased.
std::vector<std::pair<std::string, std::string>> parse_header_lines(const std::string& head);

}  // namespace testing_support
