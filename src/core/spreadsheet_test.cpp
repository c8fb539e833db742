#include "core/spreadsheet.h"

#include "core/zip_reader.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace {

using core::Table;

const std::string kBom = "\xEF\xBB\xBF";

TEST(Csv, FieldsAreQuotedOnlyWhenTheyMustBe) {
  EXPECT_EQ(core::csv_field("Đất đai"), "Đất đai");
  EXPECT_EQ(core::csv_field(""), "");
  EXPECT_EQ(core::csv_field("Thuế, tài chính"), "\"Thuế, tài chính\"");
  EXPECT_EQ(core::csv_field("Luật \"Cư trú\""), "\"Luật \"\"Cư trú\"\"\"");
  EXPECT_EQ(core::csv_field("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"");
  EXPECT_EQ(core::csv_field("a\rb"), "\"a\rb\"");
  EXPECT_EQ(core::csv_field("\""), "\"\"\"\"");
  EXPECT_EQ(core::csv_field("a;b\tc"), "a;b\tc") << "only comma, quote, CR and LF force quotes";
}

TEST(Csv, TableHasBomCrlfAndNumbersAsWritten) {
  Table t{"Tổng hợp", {"Lĩnh vực", "Số câu hỏi", "Tỷ lệ"}, {}};
  t.rows.push_back({std::string("Thuế, tài chính"), std::int64_t{12}, 0.75});
  t.rows.push_back({std::string("Đất đai"), std::int64_t{-3}, std::monostate{}});
  EXPECT_EQ(core::to_csv(t), kBom + "Lĩnh vực,Số câu hỏi,Tỷ lệ\r\n\"Thuế, tài chính\",12,0.75\r\nĐất đai,-3,\r\n");
}

TEST(Csv, SeveralTablesAreTitledAndSeparatedByAnEmptyLine) {
  Table a{"Tổng hợp", {"Chỉ tiêu", "Giá trị"}, {{std::string("Câu hỏi"), std::int64_t{4}}}};
  Table b{"Chuyên gia", {"Họ tên"}, {{std::string("Hà Thị Hoa")}}};
  EXPECT_EQ(core::to_csv({a, b}),
            kBom + "Tổng hợp\r\nChỉ tiêu,Giá trị\r\nCâu hỏi,4\r\n\r\nChuyên gia\r\nHọ tên\r\nHà Thị Hoa\r\n");
}

// One member of the workbook's zip archive (core::ZipArchive, tested in zip_reader_test.cpp).
tl::expected<std::string, core::ZipFailure> zip_member(const std::string& zip, const std::string& name) {
  return core::read_zip_entry(zip, name, 16 << 20);
}

TEST(Xlsx, IsAZipWithVietnameseTextBoldHeadersAndNumbers) {
  Table t{"Theo lĩnh vực", {"Lĩnh vực", "Số câu hỏi"}, {}};
  t.rows.push_back({std::string("Hôn nhân và gia đình"), std::int64_t{4217}});
  t.rows.push_back({std::string("Phòng, chống ma túy"), 2.5});
  auto bytes = core::to_xlsx({t});
  ASSERT_GT(bytes.size(), 100u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");

  auto strings = zip_member(bytes, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings) << "xl/sharedStrings.xml is in the workbook";
  EXPECT_NE(strings->find("Lĩnh vực"), std::string::npos);
  EXPECT_NE(strings->find("Hôn nhân và gia đình"), std::string::npos);
  EXPECT_EQ(strings->find("4217"), std::string::npos) << "numbers are not stored as text";

  auto sheet = zip_member(bytes, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("<v>4217</v>"), std::string::npos);
  EXPECT_NE(sheet->find("<v>2.5</v>"), std::string::npos);

  auto styles = zip_member(bytes, "xl/styles.xml");
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("<b/>"), std::string::npos) << "the header row is bold";

  auto workbook = zip_member(bytes, "xl/workbook.xml");
  ASSERT_TRUE(workbook);
  EXPECT_NE(workbook->find("name=\"Theo lĩnh vực\""), std::string::npos);
}

TEST(Xlsx, SheetNamesAreMadeValidAndUnique) {
  Table long_name{"Câu hỏi quá hạn trả lời: theo [lĩnh vực] và chuyên gia", {"A"}, {}};
  Table same{"Câu hỏi quá hạn trả lời: theo [lĩnh vực] và chuyên gia", {"A"}, {}};
  Table unnamed{"", {"A"}, {}};
  auto workbook = zip_member(core::to_xlsx({long_name, same, unnamed}), "xl/workbook.xml");
  ASSERT_TRUE(workbook);
  EXPECT_NE(workbook->find("name=\"Câu hỏi quá hạn trả lời theo lĩ\""), std::string::npos) << *workbook;
  EXPECT_NE(workbook->find("name=\"Câu hỏi quá hạn trả lời the (2)\""), std::string::npos) << *workbook;
  EXPECT_NE(workbook->find("name=\"Bảng 3\""), std::string::npos) << *workbook;
}

}  // namespace
