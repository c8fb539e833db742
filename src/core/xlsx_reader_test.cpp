#include "core/xlsx_reader.h"

#include "support/xlsx_fixtures.h"

#include <gtest/gtest.h>

#include <random>

namespace {

using core::Cell;
using core::Table;
using core::XlsxFailure;
using namespace xlsx_fixtures;
using Row = std::vector<Cell>;
const Cell kEmpty{};

Cell text(const char* s) { return Cell{std::string(s)}; }
Cell integer(std::int64_t i) { return Cell{i}; }

std::vector<Table> read_ok(const std::string& bytes, const core::XlsxLimits& limits = {}) {
  auto tables = core::read_xlsx(bytes, limits);
  EXPECT_TRUE(tables) << "refused: " << static_cast<int>(tables.error());
  return tables ? *tables : std::vector<Table>{};
}

XlsxFailure failure_of(const std::string& bytes, const core::XlsxLimits& limits = {}) {
  auto tables = core::read_xlsx(bytes, limits);
  EXPECT_FALSE(tables) << "read " << tables->size() << " tables";
  return tables ? XlsxFailure::corrupt : tables.error();
}

void expect_tables_equal(const std::vector<Table>& got, const std::vector<Table>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].name, want[i].name);
    EXPECT_EQ(got[i].headers, want[i].headers) << want[i].name;
    EXPECT_EQ(got[i].rows, want[i].rows) << want[i].name;
  }
}

TEST(XlsxReader, ReadsBackWhatToXlsxWrites) {
  std::vector<Table> tables = {
      {"Câu hỏi thường gặp",
       {"STT", "Câu hỏi", "Lĩnh vực", "Điểm"},
       {Row{integer(1), text("Người nước ngoài có được mua nhà ở Việt Nam không?"), text("Đất đai"), Cell{2.75}},
        Row{integer(2), text("Thủ tục đăng ký kết hôn gồm những giấy tờ gì?"), kEmpty, Cell{-0.5}},
        Row{kEmpty, kEmpty, kEmpty, kEmpty},
        Row{integer(-3), text("Mức phạt vi phạm nồng độ cồn?\nXe máy và ô tô"), text("Giao thông"), kEmpty},
        Row{integer(1'234'567'890'123), text("  khoảng trắng giữ nguyên  "), text("Thuế, phí & lệ phí <mới>"), Cell{0.1}}}},
      {"Thống kê", {"Tháng", "Số câu hỏi"}, {Row{text("01/2025"), integer(4217)}, Row{text("02/2025"), integer(0)}}},
      {"Trống", {"Ghi chú"}, {}},
  };
  expect_tables_equal(read_ok(core::to_xlsx(tables)), tables);
}

TEST(XlsxReader, HandBuiltTemplate) {
  std::vector<Table> got = read_ok(template_workbook());
  std::vector<Table> want = {
      {"Câu hỏi",
       {"Câu hỏi", "Đáp án đúng", "Điểm", "", "2024"},
       {Row{text("  Thuế thu nhập cá nhân\nđược tính thế nào?  "), integer(1), Cell{2.5}, kEmpty, text("Câu hỏi")},
        Row{kEmpty, kEmpty, kEmpty, kEmpty, kEmpty},
        Row{kEmpty, text("Dòng 1\r\nDòng 2 & <3>"), integer(0), kEmpty, text("#N/A")},
        Row{text("Rich inline"), integer(1000), integer(-7), kEmpty, kEmpty}}},
      {"Hướng dẫn", {"漢"}, {}},
  };
  expect_tables_equal(got, want);
}

TEST(XlsxReader, NumbersAreIntegersWhenIntegral) {
  auto cells = [](const std::string& v) {
    auto tables = read_ok(package({{"S", "worksheets/s.xml", worksheet("<row r=\"1\"><c r=\"A1\"><v>" + v + "</v></c></row>")}}));
    return tables.empty() || tables[0].headers.empty() ? "?" : tables[0].headers[0];
  };
  EXPECT_EQ(cells("42"), "42");
  EXPECT_EQ(cells("4.0"), "4");
  EXPECT_EQ(cells("-1.5E2"), "-150");
  EXPECT_EQ(cells("0.125"), "0.125");
  EXPECT_EQ(cells("12345678901234567"), "12345678901234567") << "an integer beyond 2^53 written as one stays exact";

  auto one = read_ok(package({{"S", "worksheets/s.xml", worksheet("<row r=\"2\"><c r=\"A2\"><v>3.0</v></c><c r=\"B2\"><v>3.25</v></c>"
                                                                  "<c r=\"C2\"><v>1E300</v></c></row>")}}));
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].rows, (std::vector<Row>{Row{integer(3), Cell{3.25}, Cell{1e300}}}));
  EXPECT_EQ(one[0].headers, (std::vector<std::string>{"", "", ""})) << "an empty row 1 is a header of empty names";
}

TEST(XlsxReader, FilesThatAreNoWorkbookAreToldApart) {
  const std::string xlsx = template_workbook();
  EXPECT_EQ(failure_of("STT,Câu hỏi,Đáp án\r\n1,Thuế thu nhập,Có\r\n"), XlsxFailure::not_a_zip) << "a CSV";
  std::mt19937 random(7);
  std::string noise(10'000, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  EXPECT_EQ(failure_of(noise), XlsxFailure::not_a_zip);
  EXPECT_EQ(failure_of("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(600, '\0')), XlsxFailure::xls_or_encrypted);
  for (std::size_t cut : {xlsx.size() / 3, xlsx.size() / 2, xlsx.size() - 1})
    EXPECT_EQ(failure_of(xlsx.substr(0, cut)), XlsxFailure::corrupt) << "cut at " << cut;
  std::string docx = ZipWriter().add("[Content_Types].xml", "<Types/>").add("word/document.xml", "<w:document/>").finish();
  EXPECT_EQ(failure_of(docx), XlsxFailure::not_xlsx);
  EXPECT_EQ(failure_of(package({{"Biểu đồ", "chartsheets/sheet1.xml", "", "chartsheet"}})), XlsxFailure::not_xlsx) << "no worksheet";
  EXPECT_EQ(failure_of(package({{"S", "worksheets/s.xml", ""}})), XlsxFailure::corrupt) << "a sheet whose part is missing";
}

TEST(XlsxReader, ADoctypeIsRefusedSoNoEntityIsExpanded) {
  const std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>";
  ASSERT_EQ(read_ok(package({{"S", "worksheets/s.xml", worksheet(rows)}})).size(), 1u) << "the same sheet without a DOCTYPE is read";
  const std::string laughs =
      "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n";
  std::string with_doctype = worksheet(rows);
  with_doctype.insert(kXmlDeclaration.size(), laughs);
  EXPECT_EQ(failure_of(package({{"S", "worksheets/s.xml", with_doctype}})), XlsxFailure::corrupt);
  std::string external = worksheet(rows);
  external.insert(kXmlDeclaration.size(), "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">\n");
  EXPECT_EQ(failure_of(package({{"S", "worksheets/s.xml", external}})), XlsxFailure::corrupt);
  const std::string undeclared = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t></is></c></row>";
  EXPECT_EQ(failure_of(package({{"S", "worksheets/s.xml", worksheet(undeclared)}})), XlsxFailure::corrupt);
  EXPECT_EQ(failure_of(package({{"S", "worksheets/s.xml", worksheet(rows)}}, "<si><t>&lol;</t></si>")), XlsxFailure::corrupt);
}

// A sheet of `rows` rows of `columns` numbers, row 1 included.
std::string grid(int rows, int columns) {
  std::string xml;
  for (int r = 1; r <= rows; ++r) {
    xml += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 0; c < columns; ++c) xml += "<c><v>" + std::to_string(c) + "</v></c>";
    xml += "</row>";
  }
  return package({{"S", "worksheets/s.xml", worksheet(xml)}});
}

TEST(XlsxReader, CellBudgetCountsEveryCellOfTheGrid) {
  EXPECT_EQ(read_ok(grid(10, 10), {.max_cells = 100}).at(0).rows.size(), 9u);
  EXPECT_EQ(failure_of(grid(10, 10), {.max_cells = 99}), XlsxFailure::too_large);
  EXPECT_EQ(failure_of(grid(101, 1), {.max_cells = 100}), XlsxFailure::too_large);
  // Two cells far apart would make a grid of 17 billion cells: refused before any is made.
  std::string far = package({{"S", "worksheets/s.xml", worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                                                                 "<row r=\"1048576\"><c r=\"XFD1048576\"><v>2</v></c></row>")}});
  EXPECT_EQ(failure_of(far), XlsxFailure::too_large);
  // The budget is for the whole workbook.
  std::string two = package({{"A", "worksheets/a.xml", worksheet("<row><c><v>1</v></c><c><v>2</v></c></row>")},
                             {"B", "worksheets/b.xml", worksheet("<row><c><v>1</v></c><c><v>2</v></c></row>")}});
  EXPECT_EQ(read_ok(two, {.max_cells = 4}).size(), 2u);
  EXPECT_EQ(failure_of(two, {.max_cells = 3}), XlsxFailure::too_large);
}

TEST(XlsxReader, TextAndPartBudgets) {
  const std::string long_text(1000, 'a');
  const std::string shared = "<si><t>" + long_text + "</t></si>";
  std::string one = package({{"S", "worksheets/s.xml", worksheet("<row><c t=\"s\"><v>0</v></c></row>")}}, shared);
  EXPECT_EQ(read_ok(one, {.max_string_bytes = 1000}).at(0).headers.at(0), long_text);
  EXPECT_EQ(failure_of(one, {.max_string_bytes = 999}), XlsxFailure::too_large);
  // One shared text in many cells: each copy counts.
  std::string cells;
  for (int i = 0; i < 100; ++i) cells += "<c t=\"s\"><v>0</v></c>";
  std::string copies = package({{"S", "worksheets/s.xml", worksheet("<row>" + cells + "</row>")}}, shared);
  EXPECT_EQ(failure_of(copies, {.max_total_bytes = 90'000}), XlsxFailure::too_large);
  EXPECT_EQ(failure_of(one, {.max_part_bytes = 200}), XlsxFailure::too_large);
}

TEST(XlsxReader, ASheetThatInflatesPastThePartBudgetIsTooLarge) {
  // 6 MB of spaces after the root element (well-formed XML), 6 KB deflated; zip_reader_test.cpp
  // has the 100 MB bomb. The default budget is 50 MB a part.
  std::string zipped = package({{"S", "worksheets/s.xml", worksheet("<row><c><v>1</v></c></row>") + std::string(6 << 20, ' ')}});
  ASSERT_LT(zipped.size(), 100'000u);
  EXPECT_EQ(failure_of(zipped, {.max_part_bytes = 5 << 20}), XlsxFailure::too_large);
  EXPECT_EQ(failure_of(zipped, {.max_total_bytes = 5 << 20}), XlsxFailure::too_large);
  EXPECT_EQ(read_ok(zipped, {.max_part_bytes = 7 << 20}).size(), 1u) << "refused for its size, nothing else";
  EXPECT_LE(core::XlsxLimits{}.max_part_bytes, 50u << 20);
}

TEST(XlsxReader, BadCellsAreCorrupt) {
  auto sheet = [](const std::string& cells) {
    return package({{"S", "worksheets/s.xml", worksheet("<row>" + cells + "</row>")}}, "<si><t>x</t></si>");
  };
  ASSERT_EQ(read_ok(sheet("<c r=\"XFD1\" t=\"s\"><v>0</v></c>"), {.max_cells = 20'000}).at(0).headers.size(), 16'384u);
  for (const char* bad : {"<c r=\"A0\"><v>1</v></c>", "<c r=\"1A\"><v>1</v></c>", "<c r=\"XFE1\"><v>1</v></c>", "<c r=\"a1\"><v>1</v></c>",
                          "<c r=\"A1048577\"><v>1</v></c>", "<c><v>abc</v></c>", "<c><v>inf</v></c>", "<c t=\"s\"><v>1</v></c>",
                          "<c t=\"s\"><v>-1</v></c>", "<c t=\"b\"><v>2</v></c>", "<c t=\"x\"><v>1</v></c>"})
    EXPECT_EQ(failure_of(sheet(bad)), XlsxFailure::corrupt) << bad;
  EXPECT_EQ(failure_of(sheet("<c><v>1</v>")), XlsxFailure::corrupt) << "XML that is not well-formed";
}

}  // namespace
