#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace testing_support {

std::optional<std::string> HttpResponse::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return std::nullopt;
}

std::vector<std::string> HttpResponse::all(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : headers)
    if (k == name) out.push_back(v);
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_header_lines(const std::string& head) {
  std::vector<std::pair<std::string, std::string>> headers;
  std::size_t pos = head.find("\r\n");
  while (pos != std::string::npos && pos < head.size()) {
    auto next = head.find("\r\n", pos + 2);
    std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(value.begin());
      headers.emplace_back(name, value);
    }
    pos = next;
  }
  return headers;
}

namespace {
HttpResponse parse(const std::string& data) {
  HttpResponse r;
  auto head_end = data.find("\r\n\r\n");
  if (head_end == std::string::npos) return r;
  std::string head = data.substr(0, head_end);
  r.status = std::stoi(head.substr(9, 3));
  r.headers = parse_header_lines(head);
  r.body = data.substr(head_end + 4);
  if (auto len = r.header("content-length")) r.body.resize(std::min<std::size_t>(r.body.size(), std::stoul(*len)));
  return r;
}
}  // namespace

HttpResponse send_raw(std::uint16_t port, const std::string& raw) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  timeval tv{20, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::size_t sent = 0;
  while (sent < raw.size()) {
    auto n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer (413, 431) and close before reading everything
    sent += static_cast<std::size_t>(n);
  }
  std::string data;
  char buf[65536];
  while (true) {
    auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    data.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return parse(data);
}

std::string url_encode(const std::string& s) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

HttpResponse HttpClient::request(const std::string& method, const std::string& target, const std::string& body,
                                 std::map<std::string, std::string> headers) {
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  std::string cookie_header;
  for (const auto& [k, v] : cookies_) cookie_header += (cookie_header.empty() ? "" : "; ") + k + "=" + v;
  if (!cookie_header.empty() && !headers.count("Cookie")) headers["Cookie"] = cookie_header;
  for (const auto& [k, v] : headers) raw += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST") raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  raw += "\r\n" + body;
  auto r = send_raw(port_, raw);
  for (const auto& set : r.all("set-cookie")) {
    auto eq = set.find('=');
    auto semi = set.find(';');
    std::string name = set.substr(0, eq);
    std::string value = set.substr(eq + 1, semi - eq - 1);
    if (set.find("Max-Age=0") != std::string::npos) cookies_.erase(name);
    else cookies_[name] = value;
  }
  return r;
}

HttpResponse HttpClient::get(const std::string& target, const std::map<std::string, std::string>& headers) {
  return request("GET", target, "", headers);
}

HttpResponse HttpClient::post_form(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields,
                                   const std::map<std::string, std::string>& extra) {
  std::string body;
  for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + url_encode(k) + "=" + url_encode(v);
  auto headers = extra;
  headers["Content-Type"] = "application/x-www-form-urlencoded";
  return request("POST", target, body, headers);
}

HttpResponse HttpClient::post_multipart(const std::string& target,
                                        const std::vector<std::pair<std::string, std::string>>& fields,
                                        const std::string& file_field, const std::string& file_name,
                                        const std::string& file_data) {
  const std::string boundary = "----phobientestboundary";
  std::string body;
  for (const auto& [k, v] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" + file_name +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file_data + "\r\n--" + boundary + "--\r\n";
  return request("POST", target, body, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
}

std::string HttpClient::csrf() const {
  auto it = cookies_.find("pb_csrf");
  return it == cookies_.end() ? "" : it->second;
}

std::optional<std::string> HttpClient::cookie(const std::string& name) const {
  auto it = cookies_.find(name);
  if (it == cookies_.end()) return std::nullopt;
  return it->second;
}

bool HttpClient::login(const std::string& email, const std::string& password) {
  get("/dang-nhap");
  auto r = post_form("/dang-nhap", {{"_csrf", csrf()}, {"email", email}, {"password", password}, {"next", "/"}});
  return r.status == 303 && cookie("pb_session").has_value();
}

}  // namespace testing_support
