#include "http/router.h"

#include <gtest/gtest.h>

namespace http {

namespace {
Request request(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}
}  // namespace

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router router;
  auto home = router.add("GET", "/");
  auto post = router.add("GET", "/bai-viet/{slug}");
  auto print = router.add("GET", "/bai-viet/{slug}/in");

  auto r = request("GET", "/");
  EXPECT_EQ(router.match(r).id, home);

  r = request("GET", "/bai-viet/luat-cu-tru");
  auto m = router.match(r);
  ASSERT_EQ(m.outcome, Router::Outcome::found);
  EXPECT_EQ(m.id, post);
  EXPECT_EQ(r.params["slug"], "luat-cu-tru");

  r = request("GET", "/bai-viet/luat-cu-tru/in/");
  EXPECT_EQ(router.match(r).id, print);
}

TEST(Router, DistinguishesNotFoundFromWrongMethod) {
  Router router;
  router.add("GET", "/dang-nhap");
  router.add("POST", "/dang-nhap");
  router.add("GET", "/bai-viet/{slug}");

  auto r = request("GET", "/khong-co");
  EXPECT_EQ(router.match(r).outcome, Router::Outcome::not_found);
  r = request("GET", "/bai-viet");
  EXPECT_EQ(router.match(r).outcome, Router::Outcome::not_found);
  r = request("GET", "/bai-viet/a/b");
  EXPECT_EQ(router.match(r).outcome, Router::Outcome::not_found);

  r = request("DELETE", "/dang-nhap");
  auto m = router.match(r);
  EXPECT_EQ(m.outcome, Router::Outcome::method_not_allowed);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
}

TEST(Router, HeadIsServedByGetRoutes) {
  Router router;
  auto id = router.add("GET", "/healthz");
  auto r = request("HEAD", "/healthz");
  auto m = router.match(r);
  EXPECT_EQ(m.outcome, Router::Outcome::found);
  EXPECT_EQ(m.id, id);
}

TEST(Router, RestParameterTakesTheRemainingPath) {
  Router router;
  router.add("GET", "/tep/{path...}");
  auto r = request("GET", "/tep/a/b/c.pdf");
  EXPECT_EQ(router.match(r).outcome, Router::Outcome::found);
  EXPECT_EQ(r.params["path"], "a/b/c.pdf");
}

}  // namespace http
