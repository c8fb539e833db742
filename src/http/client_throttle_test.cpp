#include "http/client_throttle.h"

#include <gtest/gtest.h>

namespace http {

TEST(ClientThrottle, CountsPerKeyWithinAWindow) {
  ClientThrottle t;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(t.hit("answer|203.0.113.7", 3, 60, 1000), 0);
  EXPECT_EQ(t.hit("answer|203.0.113.7", 3, 60, 1010), 50) << "the fourth in one minute: 50 s until the window ends";
  EXPECT_EQ(t.hit("answer|198.51.100.1", 3, 60, 1010), 0) << "another client has its own count";
  EXPECT_EQ(t.hit("search|203.0.113.7", 3, 60, 1010), 0) << "another route has its own count";
  EXPECT_EQ(t.hit("answer|203.0.113.7", 3, 60, 1060), 0) << "a new window";
}

TEST(ClientThrottle, HoldsAtMostItsKeysAndDropsExpiredOnesFirst) {
  ClientThrottle t(2);
  EXPECT_EQ(t.hit("a", 1, 10, 0), 0);
  EXPECT_EQ(t.hit("b", 1, 100, 0), 0);
  // "a" has expired at 20: it makes room, "b" keeps its count.
  EXPECT_EQ(t.hit("c", 1, 100, 20), 0);
  EXPECT_EQ(t.hit("b", 1, 100, 20), 80);
  // All live and full: the counters are reset rather than memory growing.
  EXPECT_EQ(t.hit("d", 1, 100, 30), 0);
  EXPECT_EQ(t.hit("b", 1, 100, 30), 0);
}

}  // namespace http
