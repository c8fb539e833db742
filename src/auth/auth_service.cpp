#include "auth/auth_service.h"

#include "auth/password.h"
#include "auth/permission.h"
#include "auth/session_store.h"
#include "auth/user_repository.h"
#include "core/email_address.h"
#include "core/utf8.h"

#include <algorithm>

namespace auth {

core::Result<std::string> normalize_email(const std::string& raw) {
  std::string e = core::clean_text(raw);
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  // The mailer's rule (core/email_address.h): an address accepted here can be written to.
  if (!core::is_valid_email_address(e)) return core::fail(core::ServiceError::invalid("Địa chỉ e-mail không hợp lệ.", {{"email", "Địa chỉ e-mail không hợp lệ."}}));
  return e;
}

core::Result<User> AuthService::insert_user(const Actor& actor, User user, const std::string& password,
                                            const std::string& action) {
  std::map<std::string, std::string> problems;
  auto email = normalize_email(user.email);
  if (!email) problems["email"] = email.error().message;
  user.display_name = core::clean_text(user.display_name);
  if (user.display_name.empty()) problems["display_name"] = "Vui lòng nhập họ và tên.";
  else if (core::utf8_length(user.display_name) > 120) problems["display_name"] = "Họ và tên không được dài quá 120 ký tự.";
  if (auto p = password_problem(password)) problems["password"] = *p;
  if (!problems.empty()) return core::fail(core::ServiceError::invalid("Vui lòng kiểm tra lại thông tin.", problems));
  user.email = *email;
  std::string hash = hash_password(password);  // slow on purpose: outside the transaction
  auto conn = database_.acquire();
  try {
    db::Transaction tx(*conn);
    UserRepository users(*conn);
    user.id = users.insert(user, hash);
    Actor who = actor;
    if (!who.user_id) who.user_id = user.id;
    record_audit(*conn, who, action, "user:" + std::to_string(user.id), std::string(role_slug(user.role)));
    tx.commit();
  } catch (const db::ConstraintError&) {
    return core::fail(core::ServiceError::invalid("E-mail này đã được đăng ký.", {{"email", "E-mail này đã được đăng ký."}}));
  }
  return user;
}

core::Result<User> AuthService::register_citizen(const RegistrationForm& form, const std::string& ip) {
  if (!limiter_.hit("register:ip:" + ip, config_.register_per_ip))
    return core::fail(core::ServiceError::rate_limited("Bạn đã đăng ký quá nhiều lần. Vui lòng thử lại sau."));
  if (form.password != form.password_confirm)
    return core::fail(core::ServiceError::invalid("Vui lòng kiểm tra lại thông tin.",
                                                  {{"password_confirm", "Mật khẩu nhập lại không khớp."}}));
  User u;
  u.email = form.email;
  u.display_name = form.display_name;
  u.role = Role::citizen;
  return insert_user(Actor{std::nullopt, ip}, u, form.password, "user.register");
}

core::Result<LoginResult> AuthService::login(const std::string& raw_email, const std::string& password,
                                             const std::string& ip) {
  auto generic = core::ServiceError::unauthorized("E-mail hoặc mật khẩu không đúng.");
  auto email = normalize_email(raw_email);
  if (!limiter_.hit("login:ip:" + ip, config_.login_per_ip))
    return core::fail(core::ServiceError::rate_limited("Quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau ít phút."));
  if (!email) return core::fail(generic);
  const std::string account_key = "login:account:" + *email;
  if (limiter_.exceeded(account_key, config_.login_per_account))
    return core::fail(core::ServiceError::rate_limited("Tài khoản tạm khoá đăng nhập do nhập sai nhiều lần. Vui lòng thử lại sau."));

  std::optional<StoredUser> stored;
  {
    auto conn = database_.acquire();
    stored = UserRepository(*conn).find_by_email(*email);
  }
  // Verify even for unknown accounts, so the response time does not reveal which e-mails exist.
  static const std::string dummy_hash = hash_password("không-phải-mật-khẩu-thật");
  bool ok = verify_password(stored ? stored->password_hash : dummy_hash, password) && stored && stored->user.active;
  if (!ok) {
    limiter_.hit(account_key, config_.login_per_account);  // only failures count against the account
    return core::fail(generic);
  }
  limiter_.reset(account_key);
  auto conn = database_.acquire();
  db::Transaction tx(*conn);
  std::string token = SessionStore(*conn).create(stored->user.id, config_.session_ttl);
  if (stored->user.role != Role::citizen) record_audit(*conn, Actor{stored->user.id, ip}, "user.login", "user:" + std::to_string(stored->user.id));
  tx.commit();
  return LoginResult{stored->user, token};
}

void AuthService::logout(const std::string& token) {
  auto conn = database_.acquire();
  SessionStore(*conn).destroy(token);
}

std::optional<User> AuthService::user_for_session(const std::string& token) {
  auto conn = database_.acquire();
  return SessionStore(*conn).lookup(token);
}

core::Result<User> AuthService::create_user(const Actor& actor, const User& user, const std::string& password) {
  return insert_user(actor, user, password, "user.create");
}

core::Result<void> AuthService::change_role(const User& admin, const Actor& actor, std::int64_t user_id, Role role,
                                            bool active) {
  if (!manage_users.allows(admin.role)) return core::fail(core::ServiceError::forbidden());
  auto conn = database_.acquire();
  db::Transaction tx(*conn);
  UserRepository users(*conn);
  auto target = users.find(user_id);
  if (!target) return core::fail(core::ServiceError::not_found("Không tìm thấy người dùng."));
  bool removes_admin = target->role == Role::admin && target->active && (role != Role::admin || !active);
  if (removes_admin && users.count_admins() <= 1)
    return core::fail(core::ServiceError::conflict("Không thể bỏ quyền của quản trị viên cuối cùng."));
  users.update_role_and_status(user_id, role, active);
  if (!active) SessionStore(*conn).destroy_all_for(user_id);
  record_audit(*conn, actor, "user.update", "user:" + std::to_string(user_id),
               std::string(role_slug(role)) + (active ? "" : " (khoá)"));
  tx.commit();
  return {};
}

std::vector<User> AuthService::list_users(std::size_t limit, std::size_t offset) {
  auto conn = database_.acquire();
  return UserRepository(*conn).list(limit, offset);
}

std::int64_t AuthService::count_users() {
  auto conn = database_.acquire();
  return UserRepository(*conn).count();
}

std::optional<std::string> AuthService::ensure_initial_admin() {
  if (count_users() > 0) return std::nullopt;
  std::string password = generate_password();
  User admin;
  admin.email = "admin@localhost";
  admin.display_name = "Quản trị viên";
  admin.role = Role::admin;
  auto created = insert_user(Actor{std::nullopt, "local"}, admin, password, "user.bootstrap");
  if (!created) return std::nullopt;  // another process won the race and printed its own
  return password;
}

}  // namespace auth
