// Hostile and broken requests get a clear 4xx and never crash the server.
#include "support/fixtures.h"
#include "support/process.h"
#include "support/test_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>
#include <vector>

namespace {

using testing_support::HttpResponse;
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

TEST_F(BadInputTest, BodiesOverTheRouteBudgetAreRefusedBeforeTheyAreRead) {
  // Only the head is sent: the server answers from the declared length, without waiting for the
  // body (before, it waited for the whole body until its read timeout).
  auto declared = send_raw(server_->port(), "POST /dang-nhap HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                            "Content-Length: 60000\r\n\r\n");
  EXPECT_EQ(declared.status, 413) << "a form's budget is smaller than the server's ceiling";
  // A chunked body is counted as it arrives.
  std::string chunk(16 * 1024, 'a');
  std::string chunked = "POST /api/v1/answer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 8; ++i) chunked += "4000\r\n" + chunk + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(send_raw(server_->port(), chunked).status, 413);
  // Pages take no body at all.
  EXPECT_EQ(send_raw(server_->port(), "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789").status, 413);
}

TEST_F(BadInputTest, DeepJsonAndFieldFloodsGet400) {
  auto client = server_->client();
  auto deep = client.request("POST", "/api/v1/answer", std::string(10000, '[') + std::string(10000, ']'), {{"Content-Type", "application/json"}});
  EXPECT_EQ(deep.status, 400);
  EXPECT_NE(deep.body.find("lồng nhau quá sâu"), std::string::npos) << deep.body;
  client.get("/dang-nhap");
  std::string flood = "_csrf=" + client.csrf();
  for (int i = 0; i < 2000; ++i) flood += "&a=";
  EXPECT_EQ(client.request("POST", "/dang-nhap", flood, {{"Content-Type", "application/x-www-form-urlencoded"}}).status, 400);
}

TEST_F(BadInputTest, ExpensiveRoutesLimitEachClient) {
  // Hand-offs: ten an hour from one client; refused ones count too (they cost the same to check).
  auto client = server_->client();
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(client.request("POST", "/api/v1/answer/handoff", R"({"question": ""})", {{"Content-Type", "application/json"}}).status, 400);
  auto over = client.request("POST", "/api/v1/answer/handoff", R"({"question": "Thủ tục cấp hộ chiếu?"})", {{"Content-Type", "application/json"}});
  EXPECT_EQ(over.status, 429);
  EXPECT_NE(over.body.find("quá nhiều yêu cầu"), std::string::npos) << over.body;
  ASSERT_TRUE(over.header("retry-after"));
  EXPECT_GT(std::stoi(*over.header("retry-after")), 3000);
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM answer_handoffs"), 0);
  EXPECT_EQ(client.get("/").status, 200) << "other routes are not limited";
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

TEST_F(BadInputTest, LoginNeverRedirectsToAnotherSite) {
  server_->add_user("nguoi-dan@example.vn", auth::Role::citizen);
  const std::pair<std::string, std::string> cases[] = {
      {"/%09/evil.example", "/"},  // a tab the form decoding turns into "/\t/evil.example"
      {"%2F%2Fevil.example", "/"},
      {"/%5Cevil.example", "/"},
      {"/%0D%0ASet-Cookie:%20x=1", "/"},
      {"/%2509/evil.example", "/"},
      {"/hoi-dap?trang=2", "/hoi-dap?trang=2"},
  };
  for (const auto& [next, expected] : cases) {
    auto client = server_->client();
    client.get("/dang-nhap");
    std::string body = "_csrf=" + client.csrf() + "&email=nguoi-dan%40example.vn&password=" +
                       testing_support::kPassword + "&next=" + next;
    auto r = client.request("POST", "/dang-nhap", body, {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(r.status, 303) << next;
    EXPECT_EQ(r.header("location"), expected) << next;
  }
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

namespace {

// Resident memory of process `pid`, in bytes.
std::int64_t resident_bytes(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmRSS:")) return std::stoll(line.substr(6)) * 1024;
  return 0;
}

}  // namespace

// The attack of issue 11, on a `phobien serve` process with the default limits and demo content:
// sixteen clients at once send deep JSON, 12 MB bodies of "[", field floods and part floods.
// Every one gets a 4xx, the server keeps answering /healthz meanwhile, and its resident memory
// stays within 100 MB of where it started (before the fix: +3.4 GB for four 12 MB bodies).
TEST(HostileLoad, SixteenHostileClientsAtOnceLeaveTheServerServingAndSmall) {
  const std::uint16_t port = testing_support::free_port();
  testing_support::ServeProcess server({"serve", "--demo", "--data", testing_support::make_temp_dir(), "--listen", "127.0.0.1:" + std::to_string(port)},
                                       {{"PHOBIEN_LOG_LEVEL", "warn"}}, port);
  ASSERT_TRUE(server.wait_ready()) << server.log();
  const std::string deep_json = std::string(30000, '[') + std::string(30000, ']');
  const std::string brackets(12 * 1024 * 1024, '[');
  std::string fields = "a=1";
  for (int i = 0; i < 20000; ++i) fields += "&a=";
  std::string parts;
  for (int i = 0; i < 3000; ++i) parts += "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
  parts += "--b--\r\n";
  auto post = [&](const std::string& target, const std::string& type, const std::string& body) {
    return send_raw(port, "POST " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: " + type +
                              "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  };
  testing_support::HttpClient(port).get("/");
  const std::int64_t before = resident_bytes(server.pid());
  ASSERT_GT(before, 0);

  std::atomic<int> refused{0}, other{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 16; ++i)
    clients.emplace_back([&, i] {
      for (int round = 0; round < 4; ++round) {
        HttpResponse r;
        switch ((i + round) % 4) {
          case 0: r = post("/api/v1/answer", "application/json", deep_json); break;
          case 1: r = post("/api/v1/answer", "application/json", brackets); break;
          case 2: r = post("/dang-ky", "application/x-www-form-urlencoded", fields); break;
          default: r = post("/tu-van", "multipart/form-data; boundary=b", parts); break;
        }
        (r.status >= 400 && r.status < 500 ? refused : other)++;
      }
    });
  int healthy = 0;
  std::int64_t peak = before;
  for (int i = 0; i < 20; ++i) {
    healthy += testing_support::HttpClient(port).get("/healthz").status == 200;
    peak = std::max(peak, resident_bytes(server.pid()));
  }
  for (auto& t : clients) t.join();
  peak = std::max(peak, resident_bytes(server.pid()));
  EXPECT_EQ(healthy, 20) << "the server answers while it is attacked";
  EXPECT_EQ(refused.load(), 64);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(testing_support::HttpClient(port).get("/healthz").status, 200);
  EXPECT_LT(peak - before, 100 * 1024 * 1024) << "peak " << peak << ", before " << before;
}
