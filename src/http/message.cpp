#include "http/message.h"

#include "core/strings.h"
#include "core/utf8.h"

#include <algorithm>

namespace http {

std::string_view trim_ows(std::string_view s) { return core::trim(s, " \t"); }

namespace {
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers)
    if (k == lower_name) return std::string_view(v);
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  if (std::find(query_params_read.begin(), query_params_read.end(), name) == query_params_read.end())
    query_params_read.emplace_back(name);
  auto pairs = parse_urlencoded(query);
  if (!pairs) return std::nullopt;
  for (auto& [k, v] : *pairs)
    if (k == name) return v;
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  auto h = header("cookie");
  if (!h) return std::nullopt;
  std::string_view rest = *h;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    std::string_view part = trim_ows(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    auto eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    if (trim_ows(part.substr(0, eq)) == name) return std::string(trim_ows(part.substr(eq + 1)));
  }
  return std::nullopt;
}

bool Request::wants_json() const {
  // Webhooks are machine endpoints too: errors as JSON, no CSRF cookie.
  if (path.starts_with("/api/") || path.starts_with("/webhooks/")) return true;
  auto accept = header("accept");
  return accept && accept->find("application/json") != std::string_view::npos &&
         accept->find("text/html") == std::string_view::npos;
}

Response& Response::set(std::string name, std::string value) {
  for (auto& [k, v] : headers)
    if (iequals(k, name)) {
      v = std::move(value);
      return *this;
    }
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::optional<std::string_view> Response::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, lower_name)) return std::string_view(v);
  return std::nullopt;
}

Response Response::html(std::string body, int status) {
  return text(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::error_page(int status, std::string_view message) {
  return html("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>" + std::to_string(status) + "</title><h1>" +
                  std::string(message) + "</h1></html>",
              status);
}

Response Response::json(std::string body, int status) {
  return text(std::move(body), status, "application/json; charset=utf-8");
}

Response Response::text(std::string body, int status, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.set("Content-Type", std::move(content_type));
  return r;
}

Response Response::redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.set("Location", std::move(location));
  return r;
}

PreparedResponse PreparedResponse::from(const Response& r) {
  PreparedResponse p;
  p.status = r.status;
  p.head = "HTTP/1.1 " + std::to_string(r.status) + " " + std::string(status_reason(r.status)) + "\r\n";
  for (const auto& [k, v] : r.headers) {
    if (iequals(k, "content-length") || iequals(k, "connection")) continue;
    p.head += k + ": " + v + "\r\n";
  }
  p.head += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  p.body = r.body;
  return p;
}

std::string Cookie::serialize() const {
  std::string s = name + "=" + value + "; Path=/";
  if (max_age) s += "; Max-Age=" + std::to_string(*max_age);
  if (http_only) s += "; HttpOnly";
  if (secure) s += "; Secure";
  if (!same_site.empty()) s += "; SameSite=" + same_site;
  return s;
}

std::optional<std::string> percent_decode(std::string_view s, bool form) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && form) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_encode(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> parse_urlencoded(std::string_view s) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!s.empty()) {
    auto amp = s.find('&');
    std::string_view part = s.substr(0, amp);
    s = amp == std::string_view::npos ? std::string_view() : s.substr(amp + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    auto key = percent_decode(part.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), true);
    if (!key || !value || !core::is_valid_utf8(*key) || !core::is_valid_utf8(*value)) return std::nullopt;
    out.emplace_back(core::nfc(*key), core::nfc(*value));
  }
  return out;
}

std::string_view status_reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "";
  }
}

}  // namespace http
