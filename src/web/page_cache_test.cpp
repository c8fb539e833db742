#include "web/page_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace web {

namespace {
http::Response page(std::size_t body_bytes) {
  auto r = http::Response::html(std::string(body_bytes, 'x'));
  r.set("Cache-Control", "public, max-age=60");
  return r;
}
}  // namespace

TEST(PageCache, KeepsWithinItsByteBudgetDroppingTheLeastRecentlyUsed) {
  PageCache cache(60, 100 * 1024);  // room for about nine 10 KB pages
  cache.put("/", page(10 * 1024));
  cache.put("/van-ban", page(10 * 1024));
  // A flood of distinct keys, as query strings allow, while "/" keeps being read.
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(cache.get("/")) << "the page in use stays, at put " << i;
    cache.put("/?x=" + std::to_string(i), page(10 * 1024));
    EXPECT_LE(cache.bytes(), 100u * 1024);
  }
  EXPECT_TRUE(cache.get("/"));
  EXPECT_FALSE(cache.get("/van-ban")) << "the page nobody read went first";
  EXPECT_TRUE(cache.get("/?x=199"));
  EXPECT_FALSE(cache.get("/?x=0"));
  EXPECT_LE(cache.size(), 9u);
}

TEST(PageCache, RefusesPagesTooLargeForItsBudgetAndCountsReplacedPagesOnce) {
  PageCache cache(60, 80 * 1024);
  cache.put("/lon", page(20 * 1024));  // more than an eighth of the budget
  EXPECT_FALSE(cache.get("/lon"));
  cache.put("/", page(5 * 1024));
  const auto once = cache.bytes();
  cache.put("/", page(5 * 1024));
  EXPECT_EQ(cache.bytes(), once);
  EXPECT_EQ(cache.size(), 1u);
  cache.clear();
  EXPECT_EQ(cache.bytes(), 0u);
  EXPECT_FALSE(cache.get("/"));
}

TEST(PageCache, ATtlOfZeroKeepsNothing) {
  PageCache cache(0);
  cache.put("/", page(100));
  EXPECT_FALSE(cache.get("/"));
}

}  // namespace web
