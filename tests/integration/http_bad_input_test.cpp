// Hostile and broken requests get a clear 4xx and never crash the server.
#include "support/test_server.h"

#include <gtest/gtest.h>

namespace {

using testing_support::send_raw;
using testing_support::TestServer;

class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer("sqlite", [](core::Config& c) { c.max_body_bytes = 64 * 1024; c.max_header_bytes = 8 * 1024; });
  }
  static void TearDownTestSuite() { delete server_; }
  void TearDown() override {
    // Whatever a test sent, the server is still serving.
    EXPECT_EQ(server_->client().get("/healthz").status, 200);
  }
  static TestServer* server_;
};
TestServer* BadInputTest::server_ = nullptr;

TEST_F(BadInputTest, OversizedHeadersGet431) {
  auto r = send_raw(server_->port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  EXPECT_EQ(r.status, 431);
}

TEST_F(BadInputTest, OversizedBodiesGet413) {
  std::string body(200 * 1024, 'a');
  auto r = send_raw(server_->port(), "POST /dang-nhap HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                                         std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(r.status, 413);
}

TEST_F(BadInputTest, MalformedRequestsGet400) {
  EXPECT_EQ(send_raw(server_->port(), "THIS IS NOT HTTP\r\n\r\n").status, 400);
  EXPECT_EQ(send_raw(server_->port(), "GET / HTTP/1.1\r\nHost x\r\n\r\n").status, 400);
  EXPECT_EQ(send_raw(server_->port(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n").status, 400);
  EXPECT_EQ(send_raw(server_->port(), "GET noslash HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status, 400);
}

TEST_F(BadInputTest, InvalidUtf8Gets400) {
  EXPECT_EQ(send_raw(server_->port(), "GET /bai-viet/%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status, 400);
  EXPECT_EQ(send_raw(server_->port(), "GET /%C0%AF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status, 400);
  auto client = server_->client();
  client.get("/dang-nhap");
  std::string body = "_csrf=" + client.csrf() + "&email=%FF%FE&password=x";
  auto r = client.request("POST", "/dang-nhap", body, {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 400);
  auto raw_bytes = client.request("POST", "/dang-nhap", "email=\xFF", {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(raw_bytes.status, 400);
}

TEST_F(BadInputTest, UnknownRoutesGetAVietnamese404) {
  auto r = server_->client().get("/khong-ton-tai");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("Không tìm thấy trang"), std::string::npos);
  EXPECT_NE(r.body.find("lang=\"vi\""), std::string::npos);
  auto api = server_->client().get("/api/v1/khong-ton-tai");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("content-type"), "application/json; charset=utf-8");
  EXPECT_NE(api.body.find("\"code\":\"not_found\""), std::string::npos);
}

TEST_F(BadInputTest, WrongMethodGets405WithAllow) {
  auto r = server_->client().request("DELETE", "/dang-nhap", "", {});
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
}

TEST_F(BadInputTest, BadPageNumbersAre400NotAnError) {
  EXPECT_EQ(server_->client().get("/chuyen-muc/tin-tuc?trang=abc").status, 400);
  EXPECT_EQ(server_->client().get("/chuyen-muc/tin-tuc?trang=0").status, 400);
  EXPECT_EQ(server_->client().get("/chuyen-muc/tin-tuc?trang=99999999999999999999").status, 400);
  EXPECT_EQ(server_->client().get("/chuyen-muc/tin-tuc?trang=%FF").status, 400);
  EXPECT_EQ(server_->client().get("/chuyen-muc/tin-tuc?trang=2").status, 200);
}

TEST_F(BadInputTest, TruncatedMultipartIs400) {
  auto client = server_->client();
  client.get("/dang-nhap");
  auto r = client.request("POST", "/dang-nhap", "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + client.csrf(),
                          {{"Content-Type", "multipart/form-data; boundary=b"}});
  EXPECT_EQ(r.status, 400);
}

TEST_F(BadInputTest, PathTraversalOnUploadsFindsNothing) {
  EXPECT_EQ(server_->client().get("/uploads/covers/..%2F..%2Fphobien.db").status, 404);
  EXPECT_EQ(server_->client().get("/uploads/covers/../phobien.db").status, 404);
  EXPECT_EQ(server_->client().get("/static/../src/app/main.cpp").status, 404);
}

TEST_F(BadInputTest, CachedPagesAnswerHeadGetAndKeepAlive) {
  auto get = server_->client().get("/");  // fills the cache
  ASSERT_EQ(get.status, 200);
  auto cached = server_->client().get("/");
  EXPECT_EQ(cached.body, get.body);
  auto head = send_raw(server_->port(), "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
  EXPECT_TRUE(head.body.empty());
  // HTTP/1.0 without keep-alive: the cached bytes go out with Connection: close.
  auto old = send_raw(server_->port(), "GET / HTTP/1.0\r\nHost: x\r\n\r\n");
  EXPECT_EQ(old.status, 200);
  EXPECT_EQ(old.header("connection"), "close");
  EXPECT_EQ(old.body, get.body);
}

TEST_F(BadInputTest, ManyGarbageConnectionsInARow) {
  for (int i = 0; i < 50; ++i) send_raw(server_->port(), std::string(i * 37 % 500, static_cast<char>('\x01' + i)) + "\r\n\r\n");
}

}  // namespace
