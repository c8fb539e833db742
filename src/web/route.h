#pragma once
// What a feature declares about each of its routes: who may call it, what kind of route it is
// and how large a body it accepts. `web::Site` enforces all three before the handler runs, so
// handlers hold no permission guards of their own.
#include "auth/permission.h"

#include <cstddef>
#include <string>

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

struct RouteSpec {
  std::string method;   // GET, POST, PUT, DELETE
  std::string pattern;  // "/quan-tri/bai-viet/{id}" (http::Router syntax)
  Access access = anyone;
  RouteKind kind = RouteKind::page;
  std::size_t body_limit = default_body_limit(kind);  // bytes; larger bodies get 413
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
