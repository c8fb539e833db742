#include "http/client_throttle.h"

#include <gtest/gtest.h>

namespace http {

TEST(ClientThrottle, CountsPerKeyWithinAWindow) {
  ClientThrottle t;
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(t.allow("answer|203.0.113.7", 3, 60, 1000));
  EXPECT_FALSE(t.allow("answer|203.0.113.7", 3, 60, 1010)) << "the fourth in one minute";
  EXPECT_EQ(t.retry_after("answer|203.0.113.7", 1010), 50);
  EXPECT_TRUE(t.allow("answer|198.51.100.1", 3, 60, 1010)) << "another client has its own count";
  EXPECT_TRUE(t.allow("search|203.0.113.7", 3, 60, 1010)) << "another route has its own count";
  EXPECT_TRUE(t.allow("answer|203.0.113.7", 3, 60, 1060)) << "a new window";
  EXPECT_EQ(t.retry_after("nobody", 1060), 0);
}

TEST(ClientThrottle, HoldsAtMostItsKeysAndDropsExpiredOnesFirst) {
  ClientThrottle t(2);
  EXPECT_TRUE(t.allow("a", 1, 10, 0));
  EXPECT_TRUE(t.allow("b", 1, 100, 0));
  // "a" has expired at 20: it makes room, "b" keeps its count.
  EXPECT_TRUE(t.allow("c", 1, 100, 20));
  EXPECT_FALSE(t.allow("b", 1, 100, 20));
  // All live and full: the counters are reset rather than memory growing.
  EXPECT_TRUE(t.allow("d", 1, 100, 30));
  EXPECT_TRUE(t.allow("b", 1, 100, 30));
}

}  // namespace http
