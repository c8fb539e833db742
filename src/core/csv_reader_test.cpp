#include "core/csv_reader.h"

#include "core/spreadsheet.h"

#include <gtest/gtest.h>

namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, ReadsBackWhatTheSiteWrites) {
  core::Table t{"", {"Họ và tên", "Ghi chú"}, {{std::string("Trần \"Văn\", Nam"), std::string("dòng 1\r\ndòng 2")}, {std::int64_t(42), {}}}};
  auto rows = core::read_csv(core::to_csv(t));
  ASSERT_TRUE(rows);
  EXPECT_EQ(*rows, (Rows{{"Họ và tên", "Ghi chú"}, {"Trần \"Văn\", Nam", "dòng 1\r\ndòng 2"}, {"42", ""}}));
}

TEST(CsvReader, FindsTheSemicolonsOfVietnameseExcel) {
  auto rows = core::read_csv("Loại;Điểm\nMột đáp án;\"2,5\"\n");
  ASSERT_TRUE(rows);
  EXPECT_EQ(*rows, (Rows{{"Loại", "Điểm"}, {"Một đáp án", "2,5"}}));
  auto commas = core::read_csv("a,b;c\n1,2\n");
  ASSERT_TRUE(commas);
  EXPECT_EQ((*commas)[0], (std::vector<std::string>{"a", "b;c"}));
}

TEST(CsvReader, LineEndsAndEmptyFields) {
  auto rows = core::read_csv("a,,c\r\n\r\nx");
  ASSERT_TRUE(rows);
  EXPECT_EQ(*rows, (Rows{{"a", "", "c"}, {""}, {"x"}}));
  EXPECT_EQ(core::read_csv("")->size(), 0u);
}

TEST(CsvReader, RefusesWhatItCannotReadSafely) {
  EXPECT_EQ(core::read_csv("a,\"b\nc").error(), core::CsvFailure::unterminated_quote);
  EXPECT_EQ(core::read_csv("a,\xC3\x28").error(), core::CsvFailure::not_utf8);
  EXPECT_EQ(core::read_csv("a,b,c,d\n1,2,3,4\n", {5, 100}).error(), core::CsvFailure::too_many_cells);
  EXPECT_EQ(core::read_csv("a," + std::string(200, 'x'), {100, 100}).error(), core::CsvFailure::field_too_long);
  EXPECT_NE(core::describe(core::CsvFailure::not_utf8).find("UTF-8"), std::string::npos);
}

}  // namespace
