#include "stats/consultation_figures.h"
#include "stats/period.h"
#include "core/time.h"

#include <gtest/gtest.h>

namespace {

using stats::nearest_rank_percentile;

TEST(NearestRankPercentile, IsAlwaysOneOfTheValues) {
  std::vector<double> v = {30, 10, 50, 20, 40, 48};  // sorted: 10 20 30 40 48 50
  EXPECT_EQ(nearest_rank_percentile(v, 50), 30) << "rank ceil(0.5·6) = 3: the lower middle value";
  EXPECT_EQ(nearest_rank_percentile(v, 90), 50) << "rank ceil(0.9·6) = 6";
  EXPECT_EQ(nearest_rank_percentile(v, 100), 50);
  EXPECT_EQ(nearest_rank_percentile(v, 1), 10);
  EXPECT_EQ(nearest_rank_percentile(v, 0), 10) << "p = 0 is the smallest value";
}

TEST(NearestRankPercentile, WholeRanksAreExact) {
  // 0.9 · 10 is 9.000000000000002 in floating point; the rank must still be 9, not 10.
  std::vector<double> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(nearest_rank_percentile(ten, 90), 9);
  EXPECT_EQ(nearest_rank_percentile(ten, 50), 5);
  EXPECT_EQ(nearest_rank_percentile(ten, 91), 10);
  std::vector<double> hundred;
  for (int i = 1; i <= 100; ++i) hundred.push_back(i);
  EXPECT_EQ(nearest_rank_percentile(hundred, 90), 90);
  EXPECT_EQ(nearest_rank_percentile(hundred, 99), 99);
}

TEST(NearestRankPercentile, SmallAndEmptySets) {
  EXPECT_FALSE(nearest_rank_percentile({}, 50));
  EXPECT_EQ(nearest_rank_percentile({7.5}, 50), 7.5);
  EXPECT_EQ(nearest_rank_percentile({7.5}, 90), 7.5);
  EXPECT_EQ(nearest_rank_percentile({4, 2}, 50), 2);
  EXPECT_EQ(nearest_rank_percentile({4, 2}, 90), 4);
  EXPECT_EQ(nearest_rank_percentile({3, 3, 3}, 90), 3);
}

// Periods are whole days in Vietnam time (UTC+7).
TEST(StatsPeriod, DatesAreWholeDaysInVietnamTime) {
  auto now = *core::parse_vn_datetime_local("2026-11-29T10:00");
  auto chosen = stats::choose_period(std::string("2026-03-01"), std::string("2026-03-31"), now);
  ASSERT_TRUE(std::holds_alternative<stats::PeriodChoice>(chosen));
  const auto& p = std::get<stats::PeriodChoice>(chosen);
  EXPECT_EQ(p.period.from, *core::parse_vn_datetime_local("2026-03-01T00:00"));
  EXPECT_EQ(p.period.from, 1772298000) << "2026-02-28T17:00:00Z";
  EXPECT_EQ(p.period.to, *core::parse_vn_datetime_local("2026-04-01T00:00")) << "the last day is included";
  EXPECT_EQ(p.from_date, "2026-03-01");
  EXPECT_EQ(p.to_date, "2026-03-31");
}

TEST(StatsPeriod, DefaultIsTheCurrentYearToDate) {
  // 2026-12-31T20:00Z is already 1 January 2027 in Vietnam.
  auto now = *core::parse_vn_datetime_local("2027-01-01T03:00");
  for (const auto& empty : {std::optional<std::string>{}, std::optional<std::string>{""}}) {
    auto chosen = stats::choose_period(empty, empty, now);
    ASSERT_TRUE(std::holds_alternative<stats::PeriodChoice>(chosen));
    const auto& p = std::get<stats::PeriodChoice>(chosen);
    EXPECT_EQ(p.from_date, "2027-01-01");
    EXPECT_EQ(p.to_date, "2027-01-01");
    EXPECT_EQ(p.period.to - p.period.from, 24 * 3600);
  }
}

TEST(StatsPeriod, MalformedOrReversedDatesAreRefusedInVietnamese) {
  auto now = core::now_unix();
  for (const char* bad : {"2026-1-01", "01/02/2026", "2026-02-30", "2026-13-01", "2026-01-01x", "+026-01-01", "hôm nay"}) {
    auto chosen = stats::choose_period(std::string(bad), std::string("2026-12-31"), now);
    ASSERT_TRUE(std::holds_alternative<std::string>(chosen)) << bad;
    EXPECT_NE(std::get<std::string>(chosen).find("không hợp lệ"), std::string::npos) << bad;
  }
  auto reversed = stats::choose_period(std::string("2026-05-02"), std::string("2026-05-01"), now);
  ASSERT_TRUE(std::holds_alternative<std::string>(reversed));
  EXPECT_NE(std::get<std::string>(reversed).find("trước hoặc trùng"), std::string::npos);
  EXPECT_TRUE(std::holds_alternative<stats::PeriodChoice>(
      stats::choose_period(std::string("2026-05-01"), std::string("2026-05-01"), now)));
}

}  // namespace
