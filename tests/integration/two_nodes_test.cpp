// Two `phobien serve` processes on one PostgreSQL database behave as one site: sessions, rate
// limits and cache invalidation hold across nodes.
#include "support/fixtures.h"
#include "support/http_client.h"
#include "support/process.h"

#include <chrono>
#include <thread>

namespace {

using namespace testing_support;

class TwoNodesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>("postgres");
    if (!db_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set";
    std::map<std::string, std::string> env = {{"PHOBIEN_DATABASE_URL", db_->url()},
                                              {"PHOBIEN_DATA", db_->data_dir()},
                                              {"PHOBIEN_CHANGE_POLL_MS", "200"},
                                              {"PHOBIEN_LOGIN_LIMIT_PER_ACCOUNT", "3"}};
    auto port_a = free_port();
    auto port_b = free_port();
    a_ = std::make_unique<ServeProcess>(std::vector<std::string>{"serve", "--demo", "--listen", "127.0.0.1:" + std::to_string(port_a)}, env, port_a);
    b_ = std::make_unique<ServeProcess>(std::vector<std::string>{"serve", "--demo", "--listen", "127.0.0.1:" + std::to_string(port_b)}, env, port_b);
    ASSERT_TRUE(a_->wait_ready()) << a_->log();
    ASSERT_TRUE(b_->wait_ready()) << b_->log();
    // Both started together on an empty database: migrations and the first admin happened once.
    auto c = db_->database().acquire();
    EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM users WHERE email = 'admin@localhost'"), 1);
    auth::AuthService auth(db_->database(), core::Config{});
    for (auto [email, role] : {std::pair{"bt@x.vn", auth::Role::editor}, std::pair{"duyet@x.vn", auth::Role::reviewer}}) {
      auth::User u;
      u.email = email;
      u.display_name = email;
      u.role = role;
      ASSERT_TRUE(auth.create_user({std::nullopt, "test"}, u, kPassword));
    }
  }
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<ServeProcess> a_, b_;
};

TEST_F(TwoNodesTest, ASessionOpenedOnOneNodeWorksOnTheOther) {
  HttpClient on_a(a_->port());
  ASSERT_TRUE(on_a.login("bt@x.vn", kPassword));
  HttpClient on_b(b_->port());
  on_b.set_cookie("pb_session", *on_a.cookie("pb_session"));
  EXPECT_EQ(on_b.get("/quan-tri/bai-viet").status, 200);
  on_a.get("/");
  on_a.post_form("/dang-xuat", {{"_csrf", on_a.csrf()}});
  EXPECT_EQ(on_b.get("/quan-tri/bai-viet").status, 303) << "logging out on A ends the session on B";
}

TEST_F(TwoNodesTest, FailedLoginsCountAcrossNodes) {
  HttpClient on_a(a_->port()), on_b(b_->port());
  on_a.get("/dang-nhap");
  on_b.get("/dang-nhap");
  EXPECT_EQ(on_a.post_form("/dang-nhap", {{"_csrf", on_a.csrf()}, {"email", "bt@x.vn"}, {"password", "sai-1-sai-1"}}).status, 401);
  EXPECT_EQ(on_b.post_form("/dang-nhap", {{"_csrf", on_b.csrf()}, {"email", "bt@x.vn"}, {"password", "sai-2-sai-2"}}).status, 401);
  EXPECT_EQ(on_a.post_form("/dang-nhap", {{"_csrf", on_a.csrf()}, {"email", "bt@x.vn"}, {"password", "sai-3-sai-3"}}).status, 401);
  auto locked = on_b.post_form("/dang-nhap", {{"_csrf", on_b.csrf()}, {"email", "bt@x.vn"}, {"password", kPassword}});
  EXPECT_EQ(locked.status, 429) << "three failures across both nodes lock the account";
}

TEST_F(TwoNodesTest, PublishingOnOneNodeRefreshesTheOtherNodesCache) {
  const std::string title = "Thông báo lịch tiếp công dân tháng 12";
  HttpClient visitor_b(b_->port());
  ASSERT_EQ(visitor_b.get("/").body.find(title), std::string::npos);  // now cached on B

  HttpClient editor(a_->port());
  ASSERT_TRUE(editor.login("bt@x.vn", kPassword));
  editor.get("/quan-tri/bai-viet/moi");
  auto created = editor.post_form("/quan-tri/bai-viet/moi", {{"_csrf", editor.csrf()}, {"title", title}, {"category", "tin-tuc"}, {"body_md", "Nội dung"}});
  ASSERT_EQ(created.status, 303);
  std::string path = created.header("location")->substr(0, created.header("location")->find('?'));
  editor.post_form(path + "/gui-duyet", {{"_csrf", editor.csrf()}});
  HttpClient reviewer(a_->port());
  ASSERT_TRUE(reviewer.login("duyet@x.vn", kPassword));
  reviewer.get(path);
  ASSERT_EQ(reviewer.post_form(path + "/xuat-ban", {{"_csrf", reviewer.csrf()}}).status, 303);

  bool seen = false;
  for (int i = 0; i < 50 && !seen; ++i) {
    seen = visitor_b.get("/").body.find(title) != std::string::npos;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(seen) << "node B's cached home page follows the change made on node A";
}

}  // namespace
