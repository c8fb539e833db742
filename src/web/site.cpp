#include "web/site.h"

#include "http/client_ip.h"
#include "core/random.h"
#include "core/resources.h"
#include "core/strings.h"
#include "core/time.h"
#include "core/utf8.h"
#include "web/templates.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>

namespace web {

// The public menu, built from the modules' entries on first use after a change.
struct Site::NavCache {
  std::mutex mutex;
  std::optional<nlohmann::json> value;
};

namespace {
std::string_view content_type_for(std::string_view path) {
  auto ends = [&](std::string_view e) { return path.ends_with(e); };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// `behind_tls` (config secure_cookies): browsers are also told to use HTTPS only, for a year.
void add_security_headers(http::Response& r, bool behind_tls) {
  r.set("X-Content-Type-Options", "nosniff");
  if (behind_tls) r.set("Strict-Transport-Security", "max-age=31536000");
  r.set("X-Frame-Options", "DENY");
  if (!r.header("referrer-policy")) r.set("Referrer-Policy", "strict-origin-when-cross-origin");
  r.set("Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
}

bool is_public_cacheable(const http::Response& r) {
  auto cc = r.header("cache-control");
  return r.status == 200 && cc && cc->find("public") != std::string_view::npos && !r.header("set-cookie");
}

// A token we issued has this shape; anything else in the cookie is replaced.
bool plausible_token(const std::string& t) {
  if (t.size() < 20 || t.size() > 64) return false;
  for (char c : t)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}
}  // namespace

Site::Site(const core::Config& config, db::Database& database, auth::AuthService& auth)
    : config_(config), database_(database), auth_(auth), cache_(config.cache_ttl),
      nav_cache_(std::make_unique<NavCache>()) {}

Site::~Site() = default;

void Site::add(RouteSpec spec, PageHandler h) {
  router_.add(spec.method, spec.pattern);
  specs_.push_back(std::move(spec));
  handlers_.push_back(std::move(h));
}

std::size_t Site::body_limit(std::string_view method, std::string_view target) const {
  http::Request probe;
  probe.method = std::string(method);
  auto path = http::percent_decode(target.substr(0, target.find('?')));
  if (!path) return 0;
  probe.path = std::move(*path);
  auto match = router_.match(probe);
  return match.outcome == http::Router::Outcome::found ? specs_[match.id].body_limit : 0;
}

void Site::set_modules(std::vector<const Module*> modules) {
  modules_ = std::move(modules);
  invalidate();
}

std::shared_ptr<const http::PreparedResponse> Site::fast(const http::Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return nullptr;
  if (request.path.starts_with("/static/")) {
    auto data = core::find_resource(request.path.substr(1));
    if (!data) return nullptr;
    auto r = http::Response::text(std::string(*data), 200, std::string(content_type_for(request.path)));
    r.set("Cache-Control", "public, max-age=3600");
    r.set("X-Content-Type-Options", "nosniff");
    return std::make_shared<const http::PreparedResponse>(http::PreparedResponse::from(r));
  }
  if (request.cookie(kSessionCookie)) return nullptr;
  return cache_.get(request);
}

http::Response Site::handle(http::Request& request) {
  Visitor visitor;
  visitor.ip = http::client_ip(request, config_.trusted_proxies);
  visitor.in_back_office = request.path == "/quan-tri" || request.path.starts_with("/quan-tri/");
  if (auto token = request.cookie(kSessionCookie)) visitor.user = auth_.user_for_session(*token);
  auto csrf = request.cookie(kCsrfCookie);
  if (csrf && plausible_token(*csrf)) {
    visitor.csrf_token = *csrf;
  } else {
    visitor.csrf_token = core::random_token(24);
    visitor.issue_csrf_cookie = true;
  }

  http::Response response;
  try {
    response = dispatch(request, visitor);
  } catch (const db::Overloaded& e) {  // no connection free in time, or a write lock held too long
    // Overloaded, not broken: the client may try again shortly.
    spdlog::warn("request refused: {} {}: {}", request.method, core::for_log(request.path), e.what());
    const char* message = "Hệ thống đang quá tải. Vui lòng thử lại sau ít phút.";
    response = request.wants_json() ? api_error(503, "unavailable", message)
                                    : http::Response::error_page(503, message);
    response.set("Retry-After", "5");
  } catch (const std::exception& e) {
    // Internal detail goes to the log only.
    spdlog::error("request failed: {} {}: {}", request.method, core::for_log(request.path), e.what());
    if (request.wants_json())
      response = api_error(500, "internal_error", "Đã có lỗi xảy ra. Vui lòng thử lại sau.");
    else
      response = page("errors/error",
                      [&] {
                        auto v = base_view(visitor, "Đã có lỗi xảy ra");
                        v["message"] = "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau ít phút.";
                        return v;
                      }(),
                      500);
  }

  const bool anonymous_get = (request.method == "GET" || request.method == "HEAD") && !request.cookie(kSessionCookie);
  if (is_public_cacheable(response)) {
    add_security_headers(response, config_.secure_cookies);
    if (visitor.user)
      response.set("Cache-Control", "private, no-cache");  // the page shows who is logged in
    else if (anonymous_get)
      cache_.put(request, response);
    return response;
  }
  if (visitor.issue_csrf_cookie && !request.wants_json()) {
    http::Cookie c{kCsrfCookie, visitor.csrf_token, std::nullopt, true, config_.secure_cookies, "Lax"};
    response.headers.emplace_back("Set-Cookie", c.serialize());
  }
  if (!response.header("cache-control")) response.set("Cache-Control", "no-store");
  add_security_headers(response, config_.secure_cookies);
  return response;
}

http::Response Site::dispatch(http::Request& request, Visitor& visitor) {
  auto match = router_.match(request);
  if (match.outcome == http::Router::Outcome::not_found) {
    if (request.wants_json()) return api_error(404, "not_found", "Không tìm thấy địa chỉ yêu cầu.");
    return not_found_page(visitor);
  }
  if (match.outcome == http::Router::Outcome::method_not_allowed) {
    std::string allow;
    for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
    auto r = request.wants_json() ? api_error(405, "method_not_allowed", "Phương thức không được hỗ trợ.")
                                  : http::Response::error_page(405, "Phương thức không được hỗ trợ.");
    r.set("Allow", allow);
    return r;
  }
  if (!http::parse_urlencoded(request.query))
    return request.wants_json() ? api_error(400, "invalid_query", "Tham số truy vấn không hợp lệ (phải là UTF-8 được mã hoá đúng).")
                                : http::Response::error_page(400, "Địa chỉ yêu cầu không hợp lệ.");
  // Uploads are binary; multipart field values are checked by the form parser instead.
  const bool multipart = request.header("content-type").value_or("").starts_with("multipart/form-data");
  if (!multipart && !core::is_valid_utf8(request.body))
    return request.wants_json() ? api_error(400, "invalid_encoding", "Dữ liệu gửi lên phải là văn bản UTF-8 hợp lệ.")
                                : http::Response::error_page(400, "Dữ liệu gửi lên không hợp lệ.");
  const RouteSpec& spec = specs_[match.id];
  if (request.body.size() > spec.body_limit)
    return request.wants_json() || spec.kind == RouteKind::api || spec.kind == RouteKind::webhook
               ? api_error(413, "payload_too_large", "Nội dung gửi lên quá lớn.")
               : http::Response::error_page(413, "Nội dung gửi lên quá lớn.");
  if (!spec.access.allows(visitor.user ? &visitor.user->role : nullptr)) return refuse(request, visitor, spec);
  if (auto over = over_client_limit(request, visitor, spec)) return std::move(*over);
  const bool form_route = spec.kind == RouteKind::form || spec.kind == RouteKind::upload;
  if (request.method == "POST" && form_route) {
    auto expired = [&] {
      auto v = base_view(visitor, "Phiên làm việc đã hết hạn");
      v["message"] = "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.";
      return page("errors/error", v, 403);
    };
    // Without the CSRF cookie no token can match: refused before the body is parsed.
    if (visitor.issue_csrf_cookie) return expired();
    auto form = http::parse_form(request);
    if (!form) return http::Response::error_page(400, "Biểu mẫu gửi lên không hợp lệ.");
    visitor.form = std::move(*form);
    if (!core::secure_equals(visitor.form.get(kCsrfField), visitor.csrf_token)) return expired();
  }
  return handlers_[match.id](request, visitor);
}

http::Response Site::refuse(const http::Request& request, const Visitor& visitor, const RouteSpec& spec) const {
  if (spec.kind == RouteKind::api || spec.kind == RouteKind::webhook) {
    if (!visitor.user) return api_error(401, "unauthorized", "Cần đăng nhập bằng tài khoản có quyền dùng chức năng này.");
    return api_error(403, "forbidden", "Tài khoản không có quyền dùng chức năng này.");
  }
  return deny(request, visitor);
}

std::optional<http::Response> Site::over_client_limit(const http::Request& request, const Visitor& visitor, const RouteSpec& spec) {
  if (spec.per_client.max <= 0 || !config_.rate_limits_enabled) return std::nullopt;
  const std::string key = spec.method + " " + spec.pattern + "|" + http::client_group(visitor.ip);
  const std::int64_t wait = throttle_.hit(key, spec.per_client.max, spec.per_client.window_seconds, core::now_unix());
  if (wait == 0) return std::nullopt;
  const std::string message = "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau " + std::to_string(wait) + " giây.";
  http::Response r = request.wants_json() || spec.kind == RouteKind::api
                         ? api_error(429, "rate_limited", message)
                         : http::Response::error_page(429, message);
  r.set("Retry-After", std::to_string(wait));
  return r;
}

nlohmann::json Site::base_view(const Visitor& visitor, const std::string& title) const {
  nlohmann::json v;
  v["title"] = title;
  v["site_name"] = "Cổng thông tin phổ biến, giáo dục pháp luật";
  v["csrf_token"] = visitor.csrf_token;
  v["csrf_field"] = kCsrfField;
  // The chat panel (templates/partials/chat_panel) is for citizens on public pages.
  v["show_chat"] = !visitor.in_back_office;
  v["nav"] = public_menu();
  if (visitor.user) {
    v["me"] = {{"name", visitor.user->display_name},
               {"role", std::string(auth::role_label(visitor.user->role))},
               {"back_office", auth::enter_back_office.allows(visitor.user->role)}};
    if (visitor.in_back_office) v["admin_links"] = back_office_links(visitor.user->role);
  }
  return v;
}

nlohmann::json Site::public_menu() const {
  std::lock_guard lock(nav_cache_->mutex);
  if (!nav_cache_->value) {
    std::vector<MenuEntry> entries;
    for (const Module* m : modules_)
      for (auto& e : m->public_menu()) entries.push_back(std::move(e));
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
    nlohmann::json menu = nlohmann::json::array();
    for (const auto& e : entries) menu.push_back({{"name", e.label}, {"url", e.url}});
    nav_cache_->value = std::move(menu);
  }
  return *nav_cache_->value;
}

// Back-office navigation shows only the sections the role may use.
nlohmann::json Site::back_office_links(auth::Role role) const {
  std::vector<BackOfficeLink> links;
  for (const Module* m : modules_)
    for (auto& l : m->back_office_links())
      if (l.access.allows(&role)) links.push_back(std::move(l));
  std::stable_sort(links.begin(), links.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : links) out.push_back({{"label", l.label}, {"url", l.url}});
  return out;
}

http::Response Site::page(std::string_view template_name, nlohmann::json view, int status) const {
  return http::Response::html(render_page(template_name, std::move(view)), status);
}

http::Response Site::not_found_page(const Visitor& visitor) const {
  auto v = base_view(visitor, "Không tìm thấy trang");
  return page("errors/not_found", v, 404);
}

http::Response Site::forbidden_page(const Visitor& visitor) const {
  auto v = base_view(visitor, "Không có quyền truy cập");
  v["message"] = "Tài khoản của bạn không có quyền truy cập trang này.";
  return page("errors/error", v, 403);
}

http::Response Site::deny(const http::Request& request, const Visitor& visitor) const {
  if (visitor.user) return forbidden_page(visitor);
  return http::Response::redirect("/dang-nhap?tiep=" + http::percent_encode(request.target));
}

http::Response Site::api_error(int status, const std::string& code, const std::string& message) {
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  return http::Response::json(j.dump(), status);
}

http::Response private_page(http::Response r) {
  r.set("Cache-Control", "no-store");
  r.set("Referrer-Policy", "no-referrer");
  return r;
}

http::Response private_json(const nlohmann::json& body) {
  auto r = http::Response::json(body.dump());
  r.set("Cache-Control", "private, no-store");
  return r;
}

nlohmann::json Site::refusal_view(const core::ServiceError& e) { return {{"error", e.message}, {"errors", e.fields}}; }

http::Response Site::api_error(const core::ServiceError& e) {
  const int status = core::http_status(e.kind);
  nlohmann::json j = {{"error", {{"code", e.code}, {"message", e.message}}}};
  if (!e.fields.empty()) j["error"]["fields"] = e.fields;
  return http::Response::json(j.dump(), status == 422 ? 400 : status);
}

void Site::invalidate() {
  cache_.clear();
  std::lock_guard lock(nav_cache_->mutex);
  nav_cache_->value.reset();
}

std::string Site::absolute_url(const std::string& path) const { return config_.absolute_url(path); }

}  // namespace web
