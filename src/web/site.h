#pragma once
// The web front of the application: routes of every feature, the visitor behind each request
// (session, CSRF token, client IP, parsed form), errors as Vietnamese pages or JSON, the
// anonymous page cache, and the menus built from the feature modules' declarations.
// Every route is declared with its access, kind and body budget (web/route.h); `handle`
// enforces them before the handler runs.
#include "auth/auth_service.h"
#include "core/config.h"
#include "core/error.h"
#include "db/database.h"
#include "http/client_throttle.h"
#include "http/form.h"
#include "http/router.h"
#include "web/module.h"
#include "web/page_cache.h"

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace web {

struct Visitor {
  std::optional<auth::User> user;
  std::string ip;
  std::string csrf_token;
  bool issue_csrf_cookie = false;
  bool in_back_office = false;  // the request is for /quan-tri…: pages without the public chat panel
  http::Form form;  // parsed body of a POST
  auth::Actor actor() const { return {user ? std::optional<std::int64_t>(user->id) : std::nullopt, ip}; }
};

using PageHandler = std::function<http::Response(http::Request&, Visitor&)>;

class Site {
 public:
  Site(const core::Config& config, db::Database& database, auth::AuthService& auth);
  ~Site();

  // Declares a route. Before `h` runs: a body over the budget gets 413; a visitor the access
  // does not allow gets the login page (HTML, anonymous), 403, or a JSON 401/403 (api, webhook);
  // a client over the route's per-client limit gets 429; form and upload routes get their fields
  // parsed and the CSRF token checked (403 without it).
  void add(RouteSpec spec, PageHandler h);
  // The body budget of the route `method` `target` (a raw request target) would reach, for the
  // server to apply before it reads the body; 0 when no route matches (nothing to read).
  std::size_t body_limit(std::string_view method, std::string_view target) const;
  const std::vector<RouteSpec>& routes() const { return specs_; }
  // The modules whose menus the layout shows (the list app assembles; they outlive the site).
  void set_modules(std::vector<const Module*> modules);

  // Runs on the I/O thread: static files and cached pages for anonymous visitors.
  std::shared_ptr<const http::PreparedResponse> fast(const http::Request& request) const;
  // Runs on the worker pool.
  http::Response handle(http::Request& request);

  // Data every page's layout needs (site name, navigation, the visitor, the CSRF token).
  nlohmann::json base_view(const Visitor& visitor, const std::string& title) const;
  http::Response page(std::string_view template_name, nlohmann::json view, int status = 200) const;
  http::Response not_found_page(const Visitor& visitor) const;
  http::Response forbidden_page(const Visitor& visitor) const;
  // A login redirect for anonymous visitors, 403 for logged-in visitors without the role.
  http::Response deny(const http::Request& request, const Visitor& visitor) const;
  static http::Response api_error(int status, const std::string& code, const std::string& message);
  // A service's refusal as the API's error: its status (422, a form's re-render, is 400 here),
  // code, message and, when it has them, per-field messages under "fields".
  static http::Response api_error(const core::ServiceError& e);
  // A service's refusal for a page that shows its form again: {"error": message, "errors":
  // {field: message}} (templates/partials/form_error and each field's message).
  static nlohmann::json refusal_view(const core::ServiceError& e);

  // Clears cached pages and menus (a change-feed listener).
  void invalidate();

  const core::Config& config() const { return config_; }
  db::Database& database() { return database_; }
  auth::AuthService& auth() { return auth_; }
  PageCache& cache() { return cache_; }
  std::string absolute_url(const std::string& path) const;

 private:
  http::Response dispatch(http::Request& request, Visitor& visitor);
  const core::Config& config_;
  db::Database& database_;
  auth::AuthService& auth_;
  nlohmann::json public_menu() const;
  nlohmann::json back_office_links(auth::Role role) const;
  http::Response refuse(const http::Request& request, const Visitor& visitor, const RouteSpec& spec) const;
  std::optional<http::Response> over_client_limit(const http::Request& request, const Visitor& visitor, const RouteSpec& spec);
  http::Router router_;
  http::ClientThrottle throttle_;
  std::vector<RouteSpec> specs_;
  std::vector<PageHandler> handlers_;
  PageCache cache_;
  std::vector<const Module*> modules_;
  struct NavCache;
  std::unique_ptr<NavCache> nav_cache_;
};

// A page that carries a secret (a token in its links, one person's answers): never cached, and
// its address never leaks to another site through the Referer header.
http::Response private_page(http::Response r);

// JSON for one signed-in official or API token (the back office's API): never kept by a cache.
http::Response private_json(const nlohmann::json& body);

constexpr const char* kSessionCookie = "pb_session";
constexpr const char* kCsrfCookie = "pb_csrf";
constexpr const char* kCsrfField = "_csrf";

}  // namespace web
