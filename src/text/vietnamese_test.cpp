#include "text/vietnamese.h"

#include "core/utf8.h"

#include <gtest/gtest.h>

namespace text {

namespace {
std::vector<std::string> lowers(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(s)) out.push_back(t.lower);
  return out;
}
std::vector<std::string> foldeds(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(s)) out.push_back(t.folded);
  return out;
}
}  // namespace

TEST(TextVietnamese, NormalizeComposesAndRepairsInput) {
  // "đất" with a combining circumflex and a combining acute, as some sources have it.
  EXPECT_EQ(normalize("\xC4\x91\x61\xCC\x82\xCC\x81t"), "đất");
  EXPECT_EQ(normalize("Quyền sử dụng đất"), "Quyền sử dụng đất");
  std::string repaired = normalize("ab\xFF" "c");
  EXPECT_TRUE(core::is_valid_utf8(repaired));
  EXPECT_EQ(repaired, "ab\xEF\xBF\xBD" "c");  // U+FFFD
}

TEST(TextVietnamese, LowerKeepsMarksAndFoldRemovesThem) {
  EXPECT_EQ(lower("NGHỊ ĐỊNH Số 100"), "nghị định số 100");
  EXPECT_EQ(fold("Quyền Sử Dụng ĐẤT"), "quyen su dung dat");
  EXPECT_EQ(fold("Điều 8 Bộ luật Lao động"), "dieu 8 bo luat lao dong");
  EXPECT_EQ(remove_diacritics("Điều 8 Bộ luật Lao động"), "Dieu 8 Bo luat Lao dong");
  // Same result as the ICU transliterator in core.
  for (std::string s : {"Ủy ban nhân dân", "Người sử dụng lao động", "THỦ TƯỚNG CHÍNH PHỦ", "ưu tiên, ơn, ăn, â"})
    EXPECT_EQ(fold(s), core::fold_vietnamese(s)) << s;
}

TEST(TextVietnamese, HasDiacritics) {
  EXPECT_TRUE(has_diacritics("đất"));
  EXPECT_TRUE(has_diacritics("Đ"));
  EXPECT_TRUE(has_diacritics("quyen su dụng"));
  EXPECT_FALSE(has_diacritics("quyen su dung dat"));
  EXPECT_FALSE(has_diacritics("BLDS 2015"));
}

TEST(TextVietnamese, TokensAreSyllablesWithOffsets) {
  std::string s = "Quyền sử dụng đất, (Điều 5).";
  auto t = tokenize(s);
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].lower, "quyền");
  EXPECT_EQ(t[0].folded, "quyen");
  EXPECT_EQ(s.substr(t[3].begin, t[3].end - t[3].begin), "đất");
  EXPECT_EQ(s.substr(t[4].begin, t[4].end - t[4].begin), "Điều");
  // Bigram joins: only blanks between tokens.
  EXPECT_FALSE(t[0].joined);
  EXPECT_TRUE(t[1].joined);
  EXPECT_TRUE(t[3].joined);
  EXPECT_FALSE(t[4].joined);  // ", (" in between
  EXPECT_TRUE(t[5].joined);
}

TEST(TextVietnamese, NumbersStayWhole) {
  EXPECT_EQ(lowers("phạt 10.000.000 đồng, 0,25 miligam"), (std::vector<std::string>{"phạt", "10.000.000", "đồng", "0,25", "miligam"}));
  EXPECT_EQ(lowers("Điều 2a. khoản 1."), (std::vector<std::string>{"điều", "2a", "khoản", "1"}));
  EXPECT_EQ(lowers("100/2019/NĐ-CP"), (std::vector<std::string>{"100", "2019", "nđ", "cp"}));
}

TEST(TextVietnamese, DecomposedInputTokenisesAfterNormalize) {
  auto t = tokenize(normalize("quy\xE1\xBB\x81n"));  // already NFC "quyền"
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].folded, "quyen");
}

TEST(TextVietnamese, ToneMarksComparedInOnePlacement) {
  // Old ("thoả", "hoà", "uỷ") and new ("thỏa", "hòa", "ủy") placements compare equal.
  EXPECT_EQ(lowers("thoả thuận"), lowers("thỏa thuận"));
  EXPECT_EQ(lowers("Hoà giải"), lowers("hòa giải"));
  EXPECT_EQ(lowers("Uỷ ban"), lowers("Ủy ban"));
  EXPECT_EQ(lowers("khoẻ"), lowers("khỏe"));
  EXPECT_EQ(lowers("thuỷ"), lowers("thủy"));
  // Not touched: "qu" + y, and vowels followed by a consonant.
  EXPECT_EQ(lowers("quý"), (std::vector<std::string>{"quý"}));
  EXPECT_EQ(lowers("hoàn toán"), (std::vector<std::string>{"hoàn", "toán"}));
  EXPECT_EQ(foldeds("thoả"), (std::vector<std::string>{"thoa"}));
}

TEST(TextVietnamese, TitleKeyAndCase) {
  EXPECT_EQ(title_key("Luật Phòng, chống ma túy"), "luat phong chong ma tuy");
  EXPECT_EQ(title_key("  BỘ LUẬT  Dân sự "), "bo luat dan su");
  EXPECT_EQ(match_case("Quyen", "quyền"), "Quyền");
  EXPECT_EQ(match_case("DAT", "đất"), "ĐẤT");
  EXPECT_EQ(match_case("dat", "đất"), "đất");
}

}  // namespace text
