// One law from two sources: titles without their year, years, and article texts compared.
#include "library/twins.h"

#include <gtest/gtest.h>

namespace library {
namespace {

DocumentMeta meta(std::string title, std::string number = "", std::string issued_on = "") {
  DocumentMeta m;
  m.title = std::move(title);
  m.number = std::move(number);
  m.issued_on = std::move(issued_on);
  return m;
}

ArticleTexts civil_code(int from, int to, const std::string& extra = "") {
  ArticleTexts out;
  for (int i = from; i <= to; ++i)
    out[std::to_string(i)] = "Điều khoản " + std::to_string(i) + "\nNgười có quyền dân sự thực hiện nghĩa vụ theo quy định của Bộ luật này" + extra;
  return out;
}

TEST(Twins, TitlesAreComparedWithoutTheirYear) {
  EXPECT_EQ(twin_title_key("Bộ luật Dân sự 2015"), "bo luat dan su");
  EXPECT_EQ(twin_title_key("Bộ luật dân sự năm 2015"), "bo luat dan su");
  EXPECT_EQ(twin_title_key("BỘ LUẬT DÂN SỰ"), "bo luat dan su");
  EXPECT_EQ(twin_title_key("Luật Đất đai 2024"), "luat dat dai");
  EXPECT_EQ(document_year(meta("Bộ luật dân sự 2015")), 2015);
  EXPECT_EQ(document_year(meta("Bộ luật dân sự", "91/2015/QH13")), 2015);
  EXPECT_EQ(document_year(meta("Luật Cư trú", "", "2020-11-13")), 2020);
  EXPECT_EQ(document_year(meta("Luật Cư trú")), std::nullopt);
  EXPECT_TRUE(title_is_number(meta("91/2015/QH13", "91/2015/QH13")));
  EXPECT_FALSE(title_is_number(meta("Bộ luật dân sự 2015", "91/2015/QH13")));
}

TEST(Twins, OneLawFromTwoSourcesIsOneDocument) {
  const auto corpus = civil_code(1, 10), code = civil_code(1, 12, ".");
  EXPECT_TRUE(same_law({meta("Bộ luật dân sự"), corpus}, {meta("Bộ luật Dân sự 2015", "91/2015/QH13"), code}));
  // A corpus that names the law by its number only: the texts decide.
  EXPECT_TRUE(same_law({meta("Bộ luật dân sự"), corpus}, {meta("91/2015/QH13", "91/2015/QH13"), code}));
  // A consolidated text (văn bản hợp nhất) of the law.
  EXPECT_EQ(number_rank(meta("Bộ luật dân sự")), 0);
  EXPECT_EQ(number_rank(meta("01/VBHN-VPQH", "01/VBHN-VPQH")), 1);
  EXPECT_EQ(number_rank(meta("Bộ luật dân sự", "91/2015/QH13")), 2);
  EXPECT_TRUE(same_law({meta("01/VBHN-VPQH", "01/VBHN-VPQH"), corpus}, {meta("Bộ luật dân sự", "91/2015/QH13"), code}));
  // Two laws with their own số hiệu are two documents, whatever their texts.
  EXPECT_FALSE(same_law({meta("Bộ luật dân sự", "33/2005/QH11"), corpus}, {meta("Bộ luật dân sự", "91/2015/QH13"), code}));
}

TEST(Twins, DifferentLawsStayApart) {
  const auto corpus = civil_code(1, 10);
  // Another year of the same title: the 2005 code is another law.
  EXPECT_FALSE(same_law({meta("Bộ luật dân sự 2005"), corpus}, {meta("Bộ luật dân sự", "91/2015/QH13"), corpus}));
  // Another title.
  EXPECT_FALSE(same_law({meta("Luật Cư trú"), corpus}, {meta("Bộ luật dân sự", "91/2015/QH13"), corpus}));
  // The same title, texts that differ (an old law and its replacement).
  ArticleTexts other;
  for (int i = 1; i <= 10; ++i) other[std::to_string(i)] = "Điều " + std::to_string(i) + "\nHợp đồng thuê nhà ở phải lập thành văn bản và công chứng";
  EXPECT_FALSE(same_law({meta("Bộ luật dân sự"), corpus}, {meta("Bộ luật dân sự", "33/2005/QH11"), other}));
  // Too few articles to tell.
  EXPECT_FALSE(same_law({meta("Bộ luật dân sự"), civil_code(1, 2)}, {meta("Bộ luật dân sự", "91/2015/QH13"), civil_code(1, 2)}));
  // A title that is only a number does not make any two texts twins: they must match.
  EXPECT_FALSE(same_law({meta("Luật Cư trú"), other}, {meta("91/2015/QH13", "91/2015/QH13"), corpus}));
}

}  // namespace
}  // namespace library
