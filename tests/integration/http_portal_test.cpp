// The portal end to end over HTTP, on SQLite and PostgreSQL: login, CSRF, the editorial workflow
// through the forms, cached public pages, feeds and the JSON API.
#include "auth/audit_log.h"
#include "support/fixtures.h"
#include "support/test_server.h"

#include <nlohmann/json.hpp>

namespace {

using testing_support::HttpClient;
using testing_support::kPassword;
using testing_support::TestServer;

class HttpPortalTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam(), [](core::Config& c) { c.trusted_proxies = {"127.0.0.1"}; });
    if (!server_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set";
    server_->add_user("bientap@x.vn", auth::Role::editor);
    server_->add_user("duyet@x.vn", auth::Role::reviewer);
    server_->add_user("dan@x.vn", auth::Role::citizen);
  }
  // Extracts the post id from a redirect such as /quan-tri/bai-viet/12?da-luu=1
  static std::string id_from(const std::string& location) {
    auto start = std::string("/quan-tri/bai-viet/").size();
    return location.substr(start, location.find('?') - start);
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(HttpPortalTest, PublicPagesAreVietnameseAndCarrySecurityHeaders) {
  auto home = server_->client().get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(home.body.find("Hưởng ứng Ngày Pháp luật"), std::string::npos);
  EXPECT_NE(home.body.find("Bỏ qua, đến nội dung chính"), std::string::npos);
  EXPECT_EQ(home.header("x-content-type-options"), "nosniff");
  EXPECT_TRUE(home.header("content-security-policy"));
  EXPECT_TRUE(home.all("set-cookie").empty()) << "cached public pages set no cookies";
  EXPECT_FALSE(home.header("strict-transport-security")) << "not behind TLS in this test";

  auto category = server_->client().get("/chuyen-muc/tin-tuc");
  EXPECT_EQ(category.status, 200);
  EXPECT_NE(category.body.find("application/rss+xml"), std::string::npos);
  EXPECT_EQ(server_->client().get("/chuyen-muc/khong-co").status, 404);
}

TEST_P(HttpPortalTest, PostPageHasOpenGraphPrintViewAndRelatedPosts) {
  auto list = nlohmann::json::parse(server_->client().get("/api/v1/posts?limit=1").body);
  std::string url = list["items"][0]["url"];
  auto post = server_->client().get(url);
  ASSERT_EQ(post.status, 200);
  EXPECT_NE(post.body.find("property=\"og:title\""), std::string::npos);
  EXPECT_NE(post.body.find("property=\"og:type\" content=\"article\""), std::string::npos);
  EXPECT_NE(post.body.find("aria-label=\"A+ Tăng cỡ chữ\""), std::string::npos);
  auto print = server_->client().get(url + "/in");
  EXPECT_EQ(print.status, 200);
  EXPECT_NE(print.body.find("print.css"), std::string::npos);
}

TEST_P(HttpPortalTest, PostWithoutCsrfTokenIsForbidden) {
  HttpClient c = server_->client();
  c.get("/dang-nhap");
  auto none = c.post_form("/dang-nhap", {{"email", "bientap@x.vn"}, {"password", kPassword}});
  EXPECT_EQ(none.status, 403);
  auto wrong = c.post_form("/dang-nhap", {{"_csrf", "x" + c.csrf()}, {"email", "bientap@x.vn"}, {"password", kPassword}});
  EXPECT_EQ(wrong.status, 403);
  HttpClient fresh = server_->client();  // no cookie at all
  EXPECT_EQ(fresh.post_form("/dang-nhap", {{"_csrf", "abcdefghijklmnopqrstuvwxyz"}, {"email", "a"}}).status, 403);
}

TEST_P(HttpPortalTest, FailedLoginReRendersWithTheEmailKept) {
  HttpClient c = server_->client();
  c.get("/dang-nhap");
  auto r = c.post_form("/dang-nhap", {{"_csrf", c.csrf()}, {"email", "bientap@x.vn"}, {"password", "sai-mat-khau"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("E-mail hoặc mật khẩu không đúng."), std::string::npos);
  EXPECT_NE(r.body.find("value=\"bientap@x.vn\""), std::string::npos);
  EXPECT_FALSE(c.cookie("pb_session"));
}

TEST_P(HttpPortalTest, SessionCookieIsHttpOnlyAndSameSite) {
  HttpClient c = server_->client();
  c.get("/dang-nhap");
  auto r = c.post_form("/dang-nhap", {{"_csrf", c.csrf()}, {"email", "bientap@x.vn"}, {"password", kPassword}, {"next", "//evil.example"}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/quan-tri") << "no open redirect";
  std::string cookie;
  for (const auto& s : r.all("set-cookie"))
    if (s.starts_with("pb_session=")) cookie = s;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "not behind TLS in this test";
}

TEST_P(HttpPortalTest, BehindTlsCookiesAreSecureAndBrowsersAreToldToStayOnHttps) {
  TestServer tls(GetParam(), [](core::Config& c) { c.secure_cookies = true; });
  for (const char* path : {"/", "/dang-nhap", "/khong-co"}) {
    auto r = tls.client().get(path);
    EXPECT_EQ(r.header("strict-transport-security"), "max-age=31536000") << path;
    for (const auto& s : r.all("set-cookie")) EXPECT_NE(s.find("; Secure"), std::string::npos) << path << ": " << s;
  }
  EXPECT_FALSE(tls.client().get("/dang-nhap").all("set-cookie").empty()) << "the login form sets its CSRF cookie";
}

TEST_P(HttpPortalTest, BackOfficeIsClosedToVisitorsAndCitizens) {
  auto anonymous = server_->client().get("/quan-tri/bai-viet");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.header("location"), "/dang-nhap?tiep=%2Fquan-tri%2Fbai-viet");
  HttpClient citizen = server_->client();
  ASSERT_TRUE(citizen.login("dan@x.vn", kPassword));
  EXPECT_EQ(citizen.get("/quan-tri").status, 403);
  EXPECT_EQ(citizen.get("/quan-tri/bai-viet/moi").status, 403);
  HttpClient editor = server_->client();
  ASSERT_TRUE(editor.login("bientap@x.vn", kPassword));
  EXPECT_EQ(editor.get("/quan-tri/nguoi-dung").status, 403) << "editors do not manage users";
  EXPECT_EQ(editor.get("/quan-tri/nhat-ky").status, 403);
}

TEST_P(HttpPortalTest, EditorWritesReviewerPublishesVisitorSeesItAtOnce) {
  HttpClient visitor = server_->client();
  const std::string title = "Tuyên truyền Luật Đất đai năm 2024 tại xã";
  ASSERT_EQ(visitor.get("/").body.find(title), std::string::npos);  // the home page is now cached

  HttpClient editor = server_->client();
  ASSERT_TRUE(editor.login("bientap@x.vn", kPassword));
  editor.get("/quan-tri/bai-viet/moi");
  // A failing form keeps what the user typed.
  auto invalid = editor.post_multipart("/quan-tri/bai-viet/moi",
                                       {{"_csrf", editor.csrf()}, {"title", title}, {"category", ""}, {"body_md", "Nội dung"}},
                                       "cover", "", "");
  EXPECT_EQ(invalid.status, 422);
  EXPECT_NE(invalid.body.find("Vui lòng chọn chuyên mục."), std::string::npos);
  EXPECT_NE(invalid.body.find("value=\"" + title + "\""), std::string::npos);

  std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "rest";
  auto created = editor.post_multipart("/quan-tri/bai-viet/moi",
                                       {{"_csrf", editor.csrf()}, {"title", title}, {"category", "tin-tuc"},
                                        {"summary", "Tóm tắt"}, {"body_md", "Nội dung **quan trọng**"}, {"tags", "đất đai"}},
                                       "cover", "anh.png", png);
  ASSERT_EQ(created.status, 303) << created.body;
  std::string id = id_from(*created.header("location"));
  auto submitted = editor.post_form("/quan-tri/bai-viet/" + id + "/gui-duyet", {{"_csrf", editor.csrf()}});
  EXPECT_EQ(submitted.status, 303);
  EXPECT_EQ(editor.post_form("/quan-tri/bai-viet/" + id + "/xuat-ban", {{"_csrf", editor.csrf()}}).status, 403);
  EXPECT_EQ(visitor.get("/").body.find(title), std::string::npos);

  HttpClient reviewer = server_->client();
  ASSERT_TRUE(reviewer.login("duyet@x.vn", kPassword));
  auto pending = reviewer.get("/quan-tri/bai-viet?trang-thai=pending");
  EXPECT_NE(pending.body.find(title), std::string::npos);
  reviewer.get("/quan-tri/bai-viet/" + id);
  auto published = reviewer.post_form("/quan-tri/bai-viet/" + id + "/xuat-ban", {{"_csrf", reviewer.csrf()}});
  EXPECT_EQ(published.status, 303);

  auto home = visitor.get("/");
  EXPECT_NE(home.body.find(title), std::string::npos) << "the cached home page was invalidated";
  auto api = nlohmann::json::parse(visitor.get("/api/v1/posts/" + id).body);
  EXPECT_EQ(api["id"], id);
  EXPECT_EQ(api["title"], title);
  ASSERT_TRUE(api["cover_url"].is_string());
  auto cover = visitor.get(api["cover_url"].get<std::string>());
  EXPECT_EQ(cover.status, 200);
  EXPECT_EQ(cover.header("content-type"), "image/png");
  EXPECT_NE(visitor.get("/sitemap.xml").body.find(api["url"].get<std::string>()), std::string::npos);
  EXPECT_NE(visitor.get("/chuyen-muc/tin-tuc/rss.xml").body.find(title), std::string::npos);
}

TEST_P(HttpPortalTest, AuditLogRecordsTheClientBehindATrustedProxy) {
  HttpClient admin = server_->client();
  server_->add_user("quantri@x.vn", auth::Role::admin);
  admin.get("/dang-nhap");
  auto r = admin.post_form("/dang-nhap", {{"_csrf", admin.csrf()}, {"email", "quantri@x.vn"}, {"password", kPassword}},
                           {{"X-Forwarded-For", "203.0.113.9"}});
  ASSERT_EQ(r.status, 303);
  auto c = server_->database().acquire();
  auto entries = auth::list_audit(*c, 5, 0);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "user.login");
  EXPECT_EQ(entries.front().ip, "203.0.113.9");
}

TEST_P(HttpPortalTest, ApiFollowsTheConventions) {
  HttpClient c = server_->client();
  auto list = c.get("/api/v1/posts?limit=2&offset=1");
  ASSERT_EQ(list.status, 200);
  auto j = nlohmann::json::parse(list.body);
  EXPECT_EQ(j["limit"], 2);
  EXPECT_EQ(j["offset"], 1);
  EXPECT_EQ(j["items"].size(), 2u);
  EXPECT_TRUE(j["items"][0]["id"].is_string());
  EXPECT_GE(j["total"].get<int>(), 9);

  for (const char* bad : {"/api/v1/posts?limit=0", "/api/v1/posts?limit=101", "/api/v1/posts?limit=abc",
                          "/api/v1/posts?offset=-1", "/api/v1/posts?category=Tin%20T%E1%BB%A9c", "/api/v1/posts?featured=yes"}) {
    auto r = c.get(bad);
    EXPECT_EQ(r.status, 400) << bad;
    auto e = nlohmann::json::parse(r.body);
    EXPECT_EQ(e["error"]["code"], "invalid_parameter") << bad;
    EXPECT_FALSE(e["error"]["message"].get<std::string>().empty());
  }
  auto by_category = nlohmann::json::parse(c.get("/api/v1/posts?category=hoi-dap-phap-luat").body);
  for (const auto& p : by_category["items"]) EXPECT_EQ(p["category"]["slug"], "hoi-dap-phap-luat");
  EXPECT_EQ(c.get("/api/v1/posts/999999").status, 404);
  EXPECT_EQ(c.get("/api/v1/posts/abc").status, 404);
  auto cats = nlohmann::json::parse(c.get("/api/v1/categories").body);
  EXPECT_EQ(cats["items"][0]["slug"], "tin-tuc");
  EXPECT_EQ(c.get("/api/v1/categories/tin-tuc").status, 200);
}

TEST_P(HttpPortalTest, CitizensCanRegister) {
  HttpClient c = server_->client();
  c.get("/dang-ky");
  auto bad = c.post_form("/dang-ky", {{"_csrf", c.csrf()}, {"email", "x"}, {"display_name", "Trần Thị Dân"}, {"password", "1"}, {"password_confirm", "1"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("value=\"Trần Thị Dân\""), std::string::npos);
  auto ok = c.post_form("/dang-ky", {{"_csrf", c.csrf()}, {"email", "moi@x.vn"}, {"display_name", "Trần Thị Dân"},
                                     {"password", kPassword}, {"password_confirm", kPassword}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_TRUE(c.cookie("pb_session"));
  auto home = c.get("/");
  EXPECT_NE(home.body.find("Trần Thị Dân"), std::string::npos) << "logged-in pages are personal";
  EXPECT_EQ(home.header("cache-control"), "private, no-cache");
}

INSTANTIATE_TEST_SUITE_P(Backends, HttpPortalTest, ::testing::ValuesIn(testing_support::backends()), testing_support::backend_name);

}  // namespace
