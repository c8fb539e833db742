#pragma once
// The project's own small HTTP types: the rest of the code never sees Boost.Beast.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace http {

using Headers = std::vector<std::pair<std::string, std::string>>;  // names lower-case

struct Request {
  std::string method;  // "GET", "POST", ... (HEAD arrives as HEAD; the router serves it as GET)
  std::string target;  // as received: path and query
  std::string path;    // percent-decoded, valid UTF-8
  std::string query;   // raw query string without '?'
  Headers headers;
  std::string body;
  std::string peer_ip;  // the TCP peer; see http::client_ip for the client behind a proxy
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {slug}
  // Names asked for through query_param, in order: the page cache keys a page by these only.
  mutable std::vector<std::string> query_params_read;

  std::optional<std::string_view> header(std::string_view lower_name) const;
  // Decoded query parameter (first occurrence), or nullopt. Records `name` in query_params_read.
  std::optional<std::string> query_param(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  bool wants_json() const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  Response& set(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view lower_name) const;

  static Response html(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  static Response text(std::string body, int status = 200, std::string content_type = "text/plain; charset=utf-8");
  static Response redirect(std::string location, int status = 303);
  // A bare Vietnamese error page (no template, no layout): for refusals made before a page can be
  // rendered (bad requests, budgets, overload). `message` is plain text without markup.
  static Response error_page(int status, std::string_view message);
};

// A response serialised once, sent many times (page cache, static files): the status line and
// header lines including Content-Length, without the blank line that ends the header block.
struct PreparedResponse {
  int status = 200;
  std::string head;
  std::string body;
  static PreparedResponse from(const Response& r);
};

// RFC 6265 Set-Cookie value.
struct Cookie {
  std::string name;
  std::string value;
  std::optional<std::int64_t> max_age;  // seconds; 0 deletes
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";
  std::string serialize() const;
};

// Percent-decoding; '+' becomes a space when `form` is true. Nullopt for a malformed escape.
std::optional<std::string> percent_decode(std::string_view s, bool form = false);
std::string percent_encode(std::string_view s);
// `s` without HTTP's optional whitespace (spaces and tabs) at either end.
std::string_view trim_ows(std::string_view s);
// application/x-www-form-urlencoded or a query string. Nullopt when malformed or not UTF-8.
std::optional<std::vector<std::pair<std::string, std::string>>> parse_urlencoded(std::string_view s);

std::string_view status_reason(int status);

}  // namespace http
