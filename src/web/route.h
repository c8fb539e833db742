#pragma once
// What a feature declares about each of its routes: who may call it, what kind of route it is,
// how large a body it accepts and how often one client may call it. `web::Site` enforces all of
// it before the handler runs, so handlers hold no guards of their own.
#include "auth/permission.h"

#include <cstddef>
#include <string>
#include <utility>

namespace web {

// Who may call a route.
struct Access {
  enum class Kind { anyone, signed_in, permission };
  Kind kind = Kind::anyone;
  const auth::Permission* permission = nullptr;  // for Kind::permission

  bool allows(const auth::Role* role) const {  // nullptr: an anonymous visitor
    if (kind == Kind::anyone) return true;
    if (!role) return false;
    return kind == Kind::signed_in || permission->allows(*role);
  }
};

inline constexpr Access anyone{Access::Kind::anyone, nullptr};
inline constexpr Access signed_in{Access::Kind::signed_in, nullptr};
constexpr Access needs(const auth::Permission& p) { return {Access::Kind::permission, &p}; }

// page: HTML read by browsers (GET); form: an HTML form POST, CSRF-checked, its fields parsed
// into Visitor::form; upload: a form that carries files (multipart); api: JSON for programs
// (no cookies trusted for CSRF, errors as JSON); webhook: JSON from a platform, signed.
enum class RouteKind { page, form, upload, api, webhook };

// Default body budgets by kind; a route may declare its own.
constexpr std::size_t default_body_limit(RouteKind kind) {
  switch (kind) {
    case RouteKind::page: return 0;
    case RouteKind::form: return 256 * 1024;
    case RouteKind::upload: return 12 * 1024 * 1024;
    case RouteKind::api: return 64 * 1024;
    case RouteKind::webhook: return 1024 * 1024;
  }
  return 0;
}

// At most `max` requests per `window_seconds` from one client (an IPv4 address or an IPv6 /64,
// http::client_group); 0 means no limit. Counted in memory (http::ClientThrottle).
struct ClientLimit {
  int max = 0;
  int window_seconds = 0;
};

struct RouteSpec {
  std::string method;   // GET, POST, PUT, DELETE
  std::string pattern;  // "/quan-tri/bai-viet/{id}" (http::Router syntax)
  Access access = anyone;
  RouteKind kind = RouteKind::page;
  std::size_t body_limit = default_body_limit(kind);  // bytes; larger bodies get 413
  ClientLimit per_client{};                            // over it: 429 with Retry-After

  // For routes that do expensive work for anyone: web::api("POST", "/x").limited(30, 60).
  RouteSpec limited(int max, int window_seconds) && {
    per_client = {max, window_seconds};
    return std::move(*this);
  }
  // A budget other than the kind's default: web::form("/dang-nhap").accepting(8 * 1024).
  RouteSpec accepting(std::size_t bytes) && {
    body_limit = bytes;
    return std::move(*this);
  }
};

// Shorthands for the common shapes.
inline RouteSpec page(std::string pattern, Access access = anyone) {
  return {"GET", std::move(pattern), access, RouteKind::page, default_body_limit(RouteKind::page)};
}
inline RouteSpec form(std::string pattern, Access access = anyone) {
  return {"POST", std::move(pattern), access, RouteKind::form, default_body_limit(RouteKind::form)};
}
inline RouteSpec upload(std::string pattern, Access access, std::size_t body_limit = default_body_limit(RouteKind::upload)) {
  return {"POST", std::move(pattern), access, RouteKind::upload, body_limit};
}
inline RouteSpec api(std::string method, std::string pattern, Access access = anyone) {
  return {std::move(method), std::move(pattern), access, RouteKind::api, default_body_limit(RouteKind::api)};
}
inline RouteSpec webhook(std::string method, std::string pattern, std::size_t body_limit = default_body_limit(RouteKind::webhook)) {
  return {std::move(method), std::move(pattern), anyone, RouteKind::webhook, body_limit};
}

}  // namespace web
