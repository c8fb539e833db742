// The backoff policy value: the curve, its last step repeating, and when a job is given up.
#include "db/backoff.h"

#include <gtest/gtest.h>

namespace {

TEST(Backoff, FollowsTheCurveThenRepeatsItsLastStep) {
  db::Backoff b{5, {1, 6, 24, 120, 720}, 6};
  EXPECT_EQ(b.delay_seconds(1), 5);
  EXPECT_EQ(b.delay_seconds(2), 30);
  EXPECT_EQ(b.delay_seconds(3), 120);
  EXPECT_EQ(b.delay_seconds(4), 600);
  EXPECT_EQ(b.delay_seconds(5), 3600);
  EXPECT_EQ(b.delay_seconds(6), 3600);
  EXPECT_EQ(b.delay_seconds(1000), 3600);
}

TEST(Backoff, AttemptsBelowOneCountAsTheFirst) {
  db::Backoff b{60, {1, 4, 16}, 3};
  EXPECT_EQ(b.delay_seconds(0), 60);
  EXPECT_EQ(b.delay_seconds(-3), 60);
}

TEST(Backoff, AZeroBaseRetriesAtOnceAndAnEmptyCurveWaitsTheBase) {
  EXPECT_EQ((db::Backoff{0, {1, 4, 16}, 3}.delay_seconds(2)), 0);
  EXPECT_EQ((db::Backoff{30, {}, 3}.delay_seconds(4)), 30);
}

TEST(Backoff, GivesUpAfterMaxAttempts) {
  db::Backoff b{60, {1}, 3};
  EXPECT_FALSE(b.exhausted(1));
  EXPECT_FALSE(b.exhausted(2));
  EXPECT_TRUE(b.exhausted(3));
  EXPECT_TRUE(b.exhausted(4));
  // A setting of 0 (or less) still allows the one attempt already made, and no second.
  EXPECT_TRUE((db::Backoff{60, {1}, 0}.exhausted(1)));
}

}  // namespace
