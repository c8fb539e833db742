#pragma once
// Shared set-up of the learning module's HTTP tests (contests, question banks): a server on
// each backend, rate limits off, with one article of the Luật Cư trú in its library.
#include "library/library_service.h"
#include "support/fixtures.h"
#include "support/test_server.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace testing_support {

inline constexpr const char* kResidenceLaw = R"([{"id": "Luật Cư trú", "articles": [
  {"id": "2", "text": "Giải thích từ ngữ\n\n1. Chỗ ở hợp pháp là nơi được sử dụng để sinh sống."}]}])";

class LearningHttpTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam(), [](core::Config& c) { c.rate_limits_enabled = false; });
    if (!server_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set: PostgreSQL tests need a server (make test starts one)";
    db::ChangeFeed feed;
    library::LibraryService library(server_->database(), feed);
    ASSERT_TRUE(library.import_file(kResidenceLaw, "laws.json", {std::nullopt, "test"}).ok());
  }

  // A client logged in as `email` (an account made with server_->add_user, password kPassword).
  HttpClient logged_in(const std::string& email) {
    auto c = server_->client();
    EXPECT_TRUE(c.login(email, kPassword));
    return c;
  }

  std::unique_ptr<TestServer> server_;
};

}  // namespace testing_support
