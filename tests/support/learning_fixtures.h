#pragma once
// Shared set-up of the learning module's HTTP tests (contests, question banks, courses): a server
// on each backend, rate limits off, with one article of the Luật Cư trú in its library; a
// logged-in client; an open contest.
#include "core/time.h"
#include "learning/contests.h"
#include "support/fixtures.h"
#include "support/library_fixtures.h"
#include "support/test_server.h"
#include "units/unit_registry.h"

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
    ASSERT_TRUE(import_beside(*server_, kResidenceLaw, "laws.json"));
  }

  // A client logged in as `email` (an account made with server_->add_user, password kPassword).
  HttpClient logged_in(const std::string& email) {
    auto c = server_->client();
    EXPECT_TRUE(c.login(email, kPassword));
    return c;
  }

  // A contest drawing `quota`, its one round open from an hour ago to a day from now, ten minutes
  // an attempt (the units it names must be imported); an empty Contest, and the test failed,
  // when it cannot be created.
  learning::Contest open_contest(const std::string& title, const learning::Quota& quota, const std::string& prediction = "") {
    units::UnitRegistry units(server_->database());
    learning::ContestService contests(server_->database(), units, "khóa");
    learning::Contest c;
    c.title = title;
    c.time_limit_seconds = 600;
    c.prediction_question = prediction;
    c.quotas = {quota};
    c.questions_per_attempt = quota.count;
    const auto now = core::now_unix();
    c.rounds = {{0, 1, now - 3600, now + 86400}};
    auto created = contests.create(c, {std::nullopt, "test"}, now);
    EXPECT_TRUE(created) << created.error().message;
    return created ? *created : learning::Contest{};
  }

  std::unique_ptr<TestServer> server_;
};

}  // namespace testing_support
