#pragma once
// Shared set-up for service and HTTP tests: a migrated database on each backend and helpers to
// create users with a role.
#include "auth/auth_service.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace testing_support {

constexpr const char* kPassword = "mat-khau-thu-nghiem";

class BackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    if (!db_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set: PostgreSQL tests need a server (make test starts one)";
    config_.data_dir = db_->data_dir();
    config_.database_url = db_->url();
  }
  db::Database& database() { return db_->database(); }
  auth::User make_user(auth::AuthService& auth, const std::string& email, auth::Role role) {
    auth::User u;
    u.email = email;
    u.display_name = "Người " + email.substr(0, email.find('@'));
    u.role = role;
    auto created = auth.create_user({std::nullopt, "test"}, u, kPassword);
    EXPECT_TRUE(created) << (created ? "" : created.error().message);
    return *created;
  }

  std::unique_ptr<TestDatabase> db_;
  core::Config config_;
};

}  // namespace testing_support
