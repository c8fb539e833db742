// Accounts, sessions, rate limits and the audit log, on both databases.
#include "account/module.h"
#include "auth/audit_log.h"
#include "auth/password.h"
#include "core/time.h"
#include "support/fixtures.h"

namespace {

using testing_support::kPassword;

class AuthServiceTest : public testing_support::BackendTest {};

TEST_P(AuthServiceTest, CitizenRegistersAndLogsIn) {
  auth::AuthService auth(database(), config_);
  auto user = auth.register_citizen({"  Dan@Example.VN ", "Nguyễn Văn Dân", kPassword, kPassword}, "10.0.0.1");
  ASSERT_TRUE(user) << user.error().message;
  EXPECT_EQ(user->email, "dan@example.vn");
  EXPECT_EQ(user->role, auth::Role::citizen);

  auto login = auth.login("DAN@example.vn", kPassword, "10.0.0.1");
  ASSERT_TRUE(login);
  auto me = auth.user_for_session(login->session_token);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->id, user->id);

  auth.logout(login->session_token);
  EXPECT_FALSE(auth.user_for_session(login->session_token));
}

TEST_P(AuthServiceTest, SessionTokensAreStoredOnlyAsHashes) {
  auth::AuthService auth(database(), config_);
  make_user(auth, "a@x.vn", auth::Role::editor);
  auto login = auth.login("a@x.vn", kPassword, "1.1.1.1");
  ASSERT_TRUE(login);
  auto c = database().acquire();
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", {login->session_token}), 0);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM sessions"), 1);
}

TEST_P(AuthServiceTest, RegistrationValidatesEveryField) {
  auth::AuthService auth(database(), config_);
  auto r = auth.register_citizen({"not-an-email", "", "short", "short"}, "ip");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, core::ErrorKind::invalid);
  EXPECT_TRUE(r.error().fields.count("email"));
  EXPECT_TRUE(r.error().fields.count("display_name"));
  EXPECT_TRUE(r.error().fields.count("password"));

  auto mismatch = auth.register_citizen({"a@b.vn", "A", kPassword, "khac-mat-khau-123"}, "ip");
  ASSERT_FALSE(mismatch);
  EXPECT_TRUE(mismatch.error().fields.count("password_confirm"));

  ASSERT_TRUE(auth.register_citizen({"a@b.vn", "A", kPassword, kPassword}, "ip"));
  auto dup = auth.register_citizen({"A@B.vn", "A", kPassword, kPassword}, "ip");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().fields.at("email"), "E-mail này đã được đăng ký.");
}

TEST_P(AuthServiceTest, WrongPasswordAndUnknownAccountLookTheSame) {
  auth::AuthService auth(database(), config_);
  make_user(auth, "a@x.vn", auth::Role::citizen);
  auto wrong = auth.login("a@x.vn", "sai-mat-khau-roi", "ip");
  auto unknown = auth.login("b@x.vn", kPassword, "ip");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(wrong.error().kind, core::ErrorKind::unauthorized);
}

TEST_P(AuthServiceTest, AccountIsLockedAfterRepeatedFailuresEvenWithTheRightPassword) {
  config_.login_per_account = {3, 900};
  auth::AuthService auth(database(), config_);
  make_user(auth, "a@x.vn", auth::Role::editor);
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(auth.login("a@x.vn", "sai-mat-khau-roi", "10.0.0." + std::to_string(i)));
  auto locked = auth.login("a@x.vn", kPassword, "10.9.9.9");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().kind, core::ErrorKind::rate_limited);
}

TEST_P(AuthServiceTest, LoginAttemptsPerAddressAreLimited) {
  config_.login_per_ip = {4, 600};
  auth::AuthService auth(database(), config_);
  make_user(auth, "a@x.vn", auth::Role::citizen);
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(auth.login("a@x.vn", kPassword, "192.0.2.7"));
  auto fifth = auth.login("a@x.vn", kPassword, "192.0.2.7");
  ASSERT_FALSE(fifth);
  EXPECT_EQ(fifth.error().kind, core::ErrorKind::rate_limited);
  EXPECT_TRUE(auth.login("a@x.vn", kPassword, "192.0.2.8")) << "another address is not affected";
}

TEST_P(AuthServiceTest, RateLimitsCanBeSwitchedOff) {
  config_.login_per_ip = {1, 600};
  config_.rate_limits_enabled = false;
  auth::AuthService auth(database(), config_);
  make_user(auth, "a@x.vn", auth::Role::citizen);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(auth.login("a@x.vn", kPassword, "192.0.2.7"));
}

TEST_P(AuthServiceTest, AnHourlyDutyPurgesExpiredSessionsAndOldRateLimitCounters) {
  auth::AuthService auth(database(), config_);
  auto user = make_user(auth, "a@x.vn", auth::Role::citizen);
  auto live = auth.login("a@x.vn", kPassword, "192.0.2.9");
  ASSERT_TRUE(live);
  const std::int64_t now = core::now_unix();
  auto c = database().acquire();
  c->execute("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('het-han', ?, ?, ?)",
             {user.id, now - 100, now - 1});
  c->execute("INSERT INTO rate_limits (key, window_start, count) VALUES ('login:ip:cu', ?, 3), ('login:ip:moi', ?, 1)",
             {now - 8 * 24 * 3600, now - 3600});
  db::ChangeFeed changes;
  account::AccountModule module({config_, database(), changes});
  auto duties = module.duties();
  ASSERT_EQ(duties.size(), 1u);
  duties[0].run(now);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM sessions WHERE token_hash = 'het-han'"), 0);
  EXPECT_TRUE(auth.user_for_session(live->session_token)) << "a live session stays";
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM rate_limits WHERE key = 'login:ip:cu'"), 0);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM rate_limits WHERE key = 'login:ip:moi'"), 1);
}

TEST_P(AuthServiceTest, TheLastAdministratorCannotBeDemoted) {
  auth::AuthService auth(database(), config_);
  auto admin = make_user(auth, "admin@x.vn", auth::Role::admin);
  auto r = auth.change_role(admin, {admin.id, "ip"}, admin.id, auth::Role::editor, true);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, core::ErrorKind::conflict);

  auto editor = make_user(auth, "e@x.vn", auth::Role::editor);
  EXPECT_FALSE(auth.change_role(editor, {editor.id, "ip"}, admin.id, auth::Role::citizen, true)) << "only admins manage users";
  ASSERT_TRUE(auth.change_role(admin, {admin.id, "ip"}, editor.id, auth::Role::reviewer, true));
}

TEST_P(AuthServiceTest, DeactivatingAUserEndsTheirSessions) {
  auth::AuthService auth(database(), config_);
  auto admin = make_user(auth, "admin@x.vn", auth::Role::admin);
  make_user(auth, "e@x.vn", auth::Role::editor);
  auto login = auth.login("e@x.vn", kPassword, "ip");
  ASSERT_TRUE(login);
  ASSERT_TRUE(auth.change_role(admin, {admin.id, "ip"}, login->user.id, auth::Role::editor, false));
  EXPECT_FALSE(auth.user_for_session(login->session_token));
  EXPECT_FALSE(auth.login("e@x.vn", kPassword, "ip"));
}

TEST_P(AuthServiceTest, AdminActionsAreAudited) {
  auth::AuthService auth(database(), config_);
  auto admin = make_user(auth, "admin@x.vn", auth::Role::admin);
  auto editor = make_user(auth, "e@x.vn", auth::Role::editor);
  ASSERT_TRUE(auth.change_role(admin, {admin.id, "203.0.113.5"}, editor.id, auth::Role::reviewer, true));
  auto c = database().acquire();
  auto entries = auth::list_audit(*c, 10, 0);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "user.update");
  EXPECT_EQ(entries.front().user_email, "admin@x.vn");
  EXPECT_EQ(entries.front().ip, "203.0.113.5");
  EXPECT_EQ(entries.front().target, "user:" + std::to_string(editor.id));
}

TEST_P(AuthServiceTest, FirstStartCreatesOneAdminOnly) {
  auth::AuthService auth(database(), config_);
  auto password = auth.ensure_initial_admin();
  ASSERT_TRUE(password);
  EXPECT_TRUE(auth.login("admin@localhost", *password, "ip"));
  EXPECT_FALSE(auth.ensure_initial_admin());
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthServiceTest, ::testing::ValuesIn(testing_support::backends()), testing_support::backend_name);

TEST(Password, HashesAreArgon2idAtInteractiveCostAndVerify) {
  auth::set_password_cost(auth::PasswordCost::interactive);  // the program's cost, not the tests'
  auto h = auth::hash_password("mật khẩu dài đủ");
  auth::set_password_cost(auth::PasswordCost::minimum_for_tests);
  EXPECT_TRUE(h.starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << h;
  EXPECT_TRUE(auth::verify_password(h, "mật khẩu dài đủ"));
  EXPECT_FALSE(auth::verify_password(h, "mật khẩu dài đu"));
  EXPECT_FALSE(auth::verify_password("garbage", "x"));
  auto cheap = auth::hash_password("mật khẩu dài đủ");
  EXPECT_TRUE(cheap.starts_with("$argon2id$v=19$m=8,t=1,p=1$")) << cheap;
  EXPECT_TRUE(auth::verify_password(cheap, "mật khẩu dài đủ"));
}

}  // namespace
