#include "core/time.h"

#include <gtest/gtest.h>

namespace core {

TEST(Time, FormatsInVietnamTime) {
  // 2026-11-28 09:05:00 UTC is 16:05 in Hà Nội.
  const std::int64_t t = 1795856700;
  EXPECT_EQ(format_rfc3339(t), "2026-11-28T09:05:00Z");
  EXPECT_EQ(format_vn_datetime(t), "28/11/2026 16:05");
  EXPECT_EQ(format_rfc822(t), "Sat, 28 Nov 2026 09:05:00 GMT");
}

TEST(Time, DurationsReadAsPeopleSayThem) {
  EXPECT_EQ(format_vn_duration(8'400), "8,4 giây");
  EXPECT_EQ(format_vn_duration(725'000), "12 phút 05 giây");
  EXPECT_EQ(format_vn_duration(3'725'000), "1 giờ 02 phút 05 giây");
}

TEST(Time, DatetimeLocalRoundTripsAndRejectsNonsense) {
  auto t = parse_vn_datetime_local("2026-11-28T16:05");
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, 1795856700);
  EXPECT_EQ(format_vn_datetime_local(*t), "2026-11-28T16:05");
  EXPECT_FALSE(parse_vn_datetime_local("2026-02-30T10:00"));
  EXPECT_FALSE(parse_vn_datetime_local("2026-13-01T10:00"));
  EXPECT_FALSE(parse_vn_datetime_local("hôm nay"));
  EXPECT_FALSE(parse_vn_datetime_local("2026-11-28T16:05x"));
  EXPECT_FALSE(parse_vn_datetime_local(""));
}

}  // namespace core
