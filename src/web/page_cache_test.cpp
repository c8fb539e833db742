#include "web/page_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace web {

namespace {
http::Response page(std::size_t body_bytes, char fill = 'x') {
  auto r = http::Response::html(std::string(body_bytes, fill));
  r.set("Cache-Control", "public, max-age=60");
  return r;
}

// A request for `target` whose handler read the query parameters `read`.
http::Request get(const std::string& target, std::initializer_list<const char*> read = {}) {
  http::Request r;
  r.method = "GET";
  r.target = target;
  r.path = target.substr(0, target.find('?'));
  if (auto q = target.find('?'); q != std::string::npos) r.query = target.substr(q + 1);
  for (const char* name : read) r.query_param(name);
  return r;
}
}  // namespace

TEST(PageCache, KeepsWithinItsByteBudgetDroppingTheLeastRecentlyUsed) {
  PageCache cache(60, 100 * 1024);  // room for about nine 10 KB pages
  cache.put(get("/"), page(10 * 1024));
  cache.put(get("/van-ban"), page(10 * 1024));
  // A flood of distinct keys, as query strings allow, while "/" keeps being read.
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(cache.get(get("/"))) << "the page in use stays, at put " << i;
    cache.put(get("/?x=" + std::to_string(i), {"x"}), page(10 * 1024));
    EXPECT_LE(cache.bytes(), 100u * 1024);
  }
  EXPECT_TRUE(cache.get(get("/")));
  EXPECT_FALSE(cache.get(get("/van-ban"))) << "the page nobody read went first";
  EXPECT_TRUE(cache.get(get("/?x=199")));
  EXPECT_FALSE(cache.get(get("/?x=0")));
  EXPECT_LE(cache.size(), 9u);
}

TEST(PageCache, RefusesPagesTooLargeForItsBudgetAndCountsReplacedPagesOnce) {
  PageCache cache(60, 80 * 1024);
  cache.put(get("/lon"), page(20 * 1024));  // more than an eighth of the budget
  EXPECT_FALSE(cache.get(get("/lon")));
  cache.put(get("/"), page(5 * 1024));
  const auto once = cache.bytes();
  cache.put(get("/"), page(5 * 1024));
  EXPECT_EQ(cache.bytes(), once);
  EXPECT_EQ(cache.size(), 1u);
  cache.clear();
  EXPECT_EQ(cache.bytes(), 0u);
  EXPECT_FALSE(cache.get(get("/")));
}

TEST(PageCache, OnlyTheQueryParametersAPageReadsMakeItsKey) {
  PageCache cache(60);
  cache.put(get("/hoi-dap?q=nha&utm_source=zalo", {"q", "trang"}), page(100, 'a'));
  // Parameters the page never read, their order and repeats after the first make no new page.
  EXPECT_EQ(cache.get(get("/hoi-dap?q=nha"))->body, std::string(100, 'a'));
  EXPECT_TRUE(cache.get(get("/hoi-dap?fbclid=1&q=nha&q=khac")));
  EXPECT_TRUE(cache.get(get("/hoi-dap?q=%6Eha")));  // the same value, encoded differently
  EXPECT_FALSE(cache.get(get("/hoi-dap?q=khac")));
  EXPECT_FALSE(cache.get(get("/hoi-dap?q=nha&trang=2")));
  EXPECT_FALSE(cache.get(get("/hoi-dap?q=")));
  EXPECT_FALSE(cache.get(get("/hoi-dap"))) << "absent and empty are different pages";
  EXPECT_FALSE(cache.get(get("/hoi-dap?q=nha&x=%ZZ"))) << "a malformed query is the handler's to refuse";
  EXPECT_FALSE(cache.get(get("/khac?q=nha")));
  // A flood of unknown parameters leaves one entry.
  for (int i = 0; i < 1000; ++i) cache.put(get("/?x=" + std::to_string(i)), page(100));
  EXPECT_EQ(cache.size(), 2u);
}

TEST(PageCache, ATtlOfZeroKeepsNothing) {
  PageCache cache(0);
  cache.put(get("/"), page(100));
  EXPECT_FALSE(cache.get(get("/")));
}

}  // namespace web
