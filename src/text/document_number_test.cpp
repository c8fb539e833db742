#include "text/document_number.h"

#include <gtest/gtest.h>

namespace text {

TEST(TextDocumentNumber, SpellingsNormaliseToOneForm) {
  for (std::string s : {"100/2019/NĐ-CP", "100/2019/nđ-cp", "100-2019-ND-CP", "100/2019/ND CP", "100/2019/nd cp",
                        " 100/2019/Nđ-Cp. "})
    EXPECT_EQ(normalize_document_number(s).value_or("-"), "100/2019/NĐ-CP") << s;
  EXPECT_EQ(normalize_document_number("471/qd-ttg").value_or("-"), "471/QĐ-TTg");
  EXPECT_EQ(normalize_document_number("91/2015/qh13").value_or("-"), "91/2015/QH13");
  EXPECT_EQ(normalize_document_number("01/VBHN-VPQH").value_or("-"), "01/VBHN-VPQH");
  EXPECT_EQ(normalize_document_number("05/2022/tt-bgddt").value_or("-"), "05/2022/TT-BGDĐT");
  EXPECT_EQ(normalize_document_number("66.22/2026/NQ-CP").value_or("-"), "66.22/2026/NQ-CP");
}

TEST(TextDocumentNumber, KeysCompareSpellings) {
  EXPECT_EQ(document_number_key("100/2019/NĐ-CP"), "100/2019/nd-cp");
  EXPECT_EQ(document_number_key("100-2019-nd-cp"), "100/2019/nd-cp");
  EXPECT_EQ(document_number_key("01/VBHN-VPQH"), "01/vbhn-vpqh");
  EXPECT_EQ(document_number_key("Bộ luật dân sự"), "");
}

TEST(TextDocumentNumber, NotNumbers) {
  for (std::string s : {"", "31/12/2022", "1/2", "2019", "Điều 5", "100/2019", "12-ND", "ND-CP", "100/2019/NĐ-CP rồi"})
    EXPECT_FALSE(normalize_document_number(s)) << s;
}

TEST(TextDocumentNumber, FoundInRunningText) {
  std::string s = "Căn cứ Nghị định số 100/2019/NĐ-CP ngày 30/12/2019 và Luật số 45/2019/QH14; xem (123/2020/NĐ-CP).";
  auto found = find_document_numbers(s);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].number, "100/2019/NĐ-CP");
  EXPECT_EQ(s.substr(found[0].begin, found[0].end - found[0].begin), "100/2019/NĐ-CP");
  EXPECT_EQ(found[1].number, "45/2019/QH14");
  EXPECT_EQ(found[2].number, "123/2020/NĐ-CP");
  // A lower-case query with words after the number.
  auto q = find_document_numbers("mức phạt theo 100/2019/nđ-cp về nồng độ cồn");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].number, "100/2019/NĐ-CP");
}

}  // namespace text
