#include "account/routes.h"

#include "auth/audit_log.h"

#include "core/time.h"
#include "http/local_target.h"
#include "web/params.h"

#include <nlohmann/json.hpp>

namespace account {

using auth::Role;
using auth::User;

namespace {
// Only local paths: "//evil.example" or "https://..." would make login an open redirect.
// Login, logout and registration carry a few short fields: a small body budget.
constexpr std::size_t kAccountFormBytes = 8 * 1024;

// Back to where the person came from, when that is a path of this site; the home page otherwise.
std::string safe_next(const std::string& next) { return http::local_target(next).value_or("/"); }

void add_errors(nlohmann::json& view, const core::ServiceError& e) {
  view["error"] = e.message;
  for (const auto& [field, msg] : e.fields) view["errors"][field] = msg;
}

http::Cookie session_cookie(const web::Site& site, std::string value, std::int64_t max_age) {
  return http::Cookie{web::kSessionCookie, std::move(value), max_age, true, site.config().secure_cookies, "Lax"};
}
nlohmann::json users_view(web::Site& site, web::Visitor& v) {
  auto view = site.base_view(v, "Người dùng");
  nlohmann::json users = nlohmann::json::array();
  for (const auto& u : site.auth().list_users(500, 0)) {
    nlohmann::json roles = nlohmann::json::array();
    for (Role role : auth::all_roles())
      roles.push_back({{"slug", std::string(auth::role_slug(role))}, {"label", std::string(auth::role_label(role))}, {"selected", role == u.role}});
    users.push_back({{"id", std::to_string(u.id)}, {"email", u.email}, {"name", u.display_name}, {"roles", roles},
                     {"active", u.active}, {"created", core::format_vn_date(u.created_at)},
                     {"action", "/quan-tri/nguoi-dung/" + std::to_string(u.id)}});
  }
  view["users"] = users;
  nlohmann::json roles = nlohmann::json::array();
  for (Role role : auth::all_roles()) roles.push_back({{"slug", std::string(auth::role_slug(role))}, {"label", std::string(auth::role_label(role))}});
  view["all_roles"] = roles;
  return view;
}

}  // namespace

void register_account_routes(web::Site& site) {
  site.add(web::page("/dang-nhap"), [&](http::Request& r, web::Visitor& v) {
    auto view = site.base_view(v, "Đăng nhập");
    view["next"] = safe_next(r.query_param("tiep").value_or("/"));
    return site.page("auth/login", view);
  });

  site.add(web::form("/dang-nhap").accepting(kAccountFormBytes), [&](http::Request&, web::Visitor& v) {
    const auto& f = v.form;
    std::string next = safe_next(f.get("next"));
    auto result = site.auth().login(f.get("email"), f.get("password"), v.ip);
    if (!result) {
      auto view = site.base_view(v, "Đăng nhập");
      view["next"] = next;
      view["email"] = f.get("email");
      add_errors(view, result.error());
      return site.page("auth/login", view, core::http_status(result.error().kind));
    }
    if (next == "/" && auth::enter_back_office.allows(result->user.role)) next = "/quan-tri";
    auto res = http::Response::redirect(next);
    res.headers.emplace_back("Set-Cookie", session_cookie(site, result->session_token, site.config().session_ttl).serialize());
    return res;
  });

  site.add(web::form("/dang-xuat").accepting(kAccountFormBytes), [&](http::Request& r, web::Visitor&) {
    if (auto token = r.cookie(web::kSessionCookie)) site.auth().logout(*token);
    auto res = http::Response::redirect("/");
    res.headers.emplace_back("Set-Cookie", session_cookie(site, "", 0).serialize());
    return res;
  });

  site.add(web::page("/dang-ky"), [&](http::Request&, web::Visitor& v) { return site.page("auth/register", site.base_view(v, "Đăng ký tài khoản")); });

  site.add(web::form("/dang-ky").accepting(kAccountFormBytes), [&](http::Request&, web::Visitor& v) {
    const auto& f = v.form;
    auth::RegistrationForm form{f.get("email"), f.get("display_name"), f.get("password"), f.get("password_confirm")};
    auto created = site.auth().register_citizen(form, v.ip);
    if (!created) {
      auto view = site.base_view(v, "Đăng ký tài khoản");
      view["form"] = {{"email", form.email}, {"display_name", form.display_name}};
      add_errors(view, created.error());
      return site.page("auth/register", view, core::http_status(created.error().kind));
    }
    auto login = site.auth().login(form.email, form.password, v.ip);
    auto res = http::Response::redirect("/?chao-mung=1");
    if (login) res.headers.emplace_back("Set-Cookie", session_cookie(site, login->session_token, site.config().session_ttl).serialize());
    return res;
  });

  site.add(web::page("/quan-tri/nguoi-dung", web::needs(auth::manage_users)), [&](http::Request&, web::Visitor& v) {
    return site.page("admin/users", users_view(site, v));
  });

  site.add(web::form("/quan-tri/nguoi-dung", web::needs(auth::manage_users)), [&](http::Request&, web::Visitor& v) {
    const auto& f = v.form;
    auto role = auth::parse_role(f.get("role"));
    User u;
    u.email = f.get("email");
    u.display_name = f.get("display_name");
    u.role = role.value_or(Role::citizen);
    auto created = role ? site.auth().create_user(v.actor(), u, f.get("password"))
                        : core::fail(core::ServiceError::invalid("Vai trò không hợp lệ.", {{"role", "Vai trò không hợp lệ."}}));
    if (!created) {
      auto view = users_view(site, v);
      add_errors(view, created.error());
      view["form"] = {{"email", f.get("email")}, {"display_name", f.get("display_name")}};
      return site.page("admin/users", view, core::http_status(created.error().kind));
    }
    return http::Response::redirect("/quan-tri/nguoi-dung");
  });

  site.add(web::form("/quan-tri/nguoi-dung/{id}", web::needs(auth::manage_users)), [&](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    auto role = auth::parse_role(v.form.get("role"));
    if (!id) return site.not_found_page(v);
    auto changed = role ? site.auth().change_role(*v.user, v.actor(), *id, *role, v.form.get("active") == "1")
                        : core::Result<void>(core::fail(core::ServiceError::invalid("Vai trò không hợp lệ.")));
    if (!changed) {
      auto view = users_view(site, v);
      add_errors(view, changed.error());
      return site.page("admin/users", view, core::http_status(changed.error().kind));
    }
    return http::Response::redirect("/quan-tri/nguoi-dung");
  });

  site.add(web::page("/quan-tri/nhat-ky", web::needs(auth::view_audit_log)), [&](http::Request& r, web::Visitor& v) {
    web::ParamError err;
    auto page = web::int_param(r, "trang", 1, 1, 100000, err);
    if (!page) return site.not_found_page(v);
    auto conn = site.database().acquire();
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : auth::list_audit(*conn, 100, static_cast<std::size_t>(*page - 1) * 100))
      entries.push_back({{"at", core::format_vn_datetime(e.at)}, {"user", e.user_email}, {"action", e.action},
                         {"target", e.target}, {"detail", e.detail}, {"ip", e.ip}});
    auto view = site.base_view(v, "Nhật ký thao tác");
    view["entries"] = entries;
    view["next"] = entries.size() == 100 ? nlohmann::json("/quan-tri/nhat-ky?trang=" + std::to_string(*page + 1)) : nlohmann::json(nullptr);
    return site.page("admin/audit", view);
  });
}

}  // namespace account
