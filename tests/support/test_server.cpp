#include "support/test_server.h"

#include "support/fixtures.h"

#include <iostream>
#include <sstream>

namespace testing_support {

TestServer::TestServer(const std::string& backend, const std::function<void(core::Config&)>& configure) : db_(backend) {
  if (!db_.available()) return;
  config_.data_dir = db_.data_dir();
  config_.database_url = db_.url();
  config_.listen = "127.0.0.1:0";
  config_.worker_threads = 4;
  config_.change_poll_millis = 100;
  if (configure) configure(config_);
  app_ = std::make_unique<app::Application>(config_);
  // The first-start banner (admin password, demo accounts) is not wanted in test output.
  std::ostringstream quiet;
  auto* old = std::cout.rdbuf(quiet.rdbuf());
  try {
    app_->start(true);
  } catch (...) {
    std::cout.rdbuf(old);
    throw;
  }
  std::cout.rdbuf(old);
  port_ = app_->port();
  thread_ = std::thread([this] { app_->run(); });
}

TestServer::~TestServer() {
  if (app_) app_->stop();
  if (thread_.joinable()) thread_.join();
}

auth::User TestServer::add_user(const std::string& email, auth::Role role) {
  auth::AuthService auth(database(), config_);
  auth::User u;
  u.email = email;
  u.display_name = "Người thử " + email.substr(0, email.find('@'));
  u.role = role;
  auto created = auth.create_user({std::nullopt, "test"}, u, kPassword);
  if (!created) throw std::runtime_error(created.error().message);
  return *created;
}

}  // namespace testing_support
