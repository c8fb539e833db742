#pragma once
// A real `phobien serve` inside the test process, on a free port, with demo content, against a
// fresh database on the given backend.
#include "app/application.h"
#include "auth/auth_service.h"
#include "support/http_client.h"
#include "support/test_database.h"

#include <functional>
#include <thread>

namespace testing_support {

class TestServer {
 public:
  // `configure` may adjust the configuration (limits, proxies) before the server starts.
  explicit TestServer(const std::string& backend, const std::function<void(core::Config&)>& configure = {});
  ~TestServer();
  bool available() const { return db_.available(); }
  std::uint16_t port() const { return port_; }
  HttpClient client() const { return HttpClient(port_); }
  // Creates an account directly in the database (password kPassword).
  auth::User add_user(const std::string& email, auth::Role role);
  db::Database& database() { return db_.database(); }
  const core::Config& config() const { return config_; }
  const std::vector<web::RouteSpec>& routes() const { return app_->routes(); }

 private:
  TestDatabase db_;
  core::Config config_;
  std::unique_ptr<app::Application> app_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

}  // namespace testing_support
