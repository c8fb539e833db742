// A unit's report as a spreadsheet: the template carries the figures the form starts from, and a
// filled-in copy reads back as the form would have sent it, or names each bad row.
#include "stats/report_sheet.h"

#include "core/xlsx_reader.h"

#include <gtest/gtest.h>

namespace stats {
namespace {

std::vector<Indicator> catalogue() {
  return {{1, "TT_SO_CUOC", "1. Trực tiếp", "Số cuộc", "cuộc", "", "", 10, true},
          {2, "TT_TAP_HUAN", "1. Trực tiếp", "Trong đó: tập huấn", "cuộc", "TT_SO_CUOC", "", 11, true},
          {3, "MS_TIN_BAI", "7. Môi trường số", "Số tin, bài", "tin, bài", "", "portal.posts_published", 70, true}};
}

core::Table sheet(std::vector<std::vector<core::Cell>> rows) { return {"Số liệu", {"Mã chỉ tiêu", "Chỉ tiêu", "Số liệu"}, std::move(rows)}; }

TEST(ReportSheet, TheTemplateStartsFromTheStoredOrCountedFiguresAndReadsBack) {
  ReportForm form;
  form.period = {1, "2026-H2", "6 tháng cuối năm 2026", "2026-07-01", "2026-12-31", "2027-01-15", std::nullopt};
  form.unit = {"00100", "Xã Một", units::UnitLevel::commune, "01"};
  form.indicators = catalogue();
  form.counted = {{"MS_TIN_BAI", 12}};
  auto bytes = core::to_xlsx(report_sheet(form));
  auto sheets = core::read_xlsx(bytes);
  ASSERT_TRUE(sheets);
  ASSERT_EQ(sheets->size(), 2u);
  const auto& figures = sheets->front();
  EXPECT_EQ(figures.headers, (std::vector<std::string>{"Mã chỉ tiêu", "Nhóm", "Chỉ tiêu", "Đơn vị tính", "Số liệu"}));
  ASSERT_EQ(figures.rows.size(), 3u);
  EXPECT_EQ(figures.rows[2][4], core::Cell(std::int64_t{12}));  // counted by the platform, for a new report
  EXPECT_EQ(figures.rows[0][4], core::Cell());
  auto read = read_report_sheet(*sheets, catalogue());
  EXPECT_TRUE(read.problems.empty());
  EXPECT_EQ(read.typed, (std::map<std::string, std::string>{{"TT_SO_CUOC", ""}, {"TT_TAP_HUAN", ""}, {"MS_TIN_BAI", "12"}}));

  // Once saved, the stored figures (not the counted ones) are what the template carries.
  form.report = UnitReport{};
  form.report->figures = {{"TT_SO_CUOC", 4}};
  auto stored = core::read_xlsx(core::to_xlsx(report_sheet(form)));
  EXPECT_EQ(stored->front().rows[0][4], core::Cell(std::int64_t{4}));
  EXPECT_EQ(stored->front().rows[2][4], core::Cell());
}

TEST(ReportSheet, ColumnsAreFoundByTheirNamesAndTextFiguresKept) {
  core::Table moved{"Trang 1", {"Ghi chú", "Số liệu", " Mã chỉ tiêu "}, {{std::string("x"), std::string("1.200"), std::string("TT_SO_CUOC")}}};
  auto read = read_report_sheet({moved}, catalogue());
  EXPECT_TRUE(read.problems.empty());
  EXPECT_EQ(read.typed.at("TT_SO_CUOC"), "1.200");  // the form's rules read "1.200" as 1200
}

TEST(ReportSheet, BadRowsAreNamedAndAnUnknownLayoutIsRefused) {
  auto read = read_report_sheet({sheet({{std::string("TT_SO_CUOC"), std::string("a"), std::int64_t{4}},
                                        {std::string("KHONG_CO"), std::string("b"), std::int64_t{1}},
                                        {std::string("TT_SO_CUOC"), std::string("c"), std::int64_t{5}},
                                        {std::string("TT_TAP_HUAN"), std::string("d"), 2.5},
                                        {core::Cell(), std::string("dòng trống"), core::Cell()}})},
                                catalogue());
  EXPECT_EQ(read.problems, (std::vector<std::string>{"Dòng 3: không có chỉ tiêu mã «KHONG_CO» trong danh mục.",
                                                     "Dòng 4: chỉ tiêu TT_SO_CUOC đã có ở dòng trước.",
                                                     "Dòng 5: số liệu của TT_TAP_HUAN phải là số nguyên."}));
  auto layout = read_report_sheet({{"x", {"Mã", "Giá trị"}, {}}}, catalogue());
  ASSERT_EQ(layout.problems.size(), 1u);
  EXPECT_NE(layout.problems[0].find("hãy dùng tệp mẫu"), std::string::npos);
  EXPECT_FALSE(read_report_sheet({}, catalogue()).problems.empty());
}

}  // namespace
}  // namespace stats
