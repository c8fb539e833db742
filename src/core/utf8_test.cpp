#include "core/utf8.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace core {

TEST(Utf8, AcceptsVietnameseAndRejectsMalformedSequences) {
  EXPECT_TRUE(is_valid_utf8("Quyền sử dụng đất"));
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abc\xFF"));
}

TEST(Utf8, NfcComposesDecomposedDiacritics) {
  // "đất" written with a combining acute and a combining dot below, as some sources have it.
  std::string decomposed = "\xC4\x91\x61\xCC\x82\xCC\x81t";
  EXPECT_EQ(nfc(decomposed), "đất");
  EXPECT_EQ(nfc("đất"), "đất");
}

TEST(Utf8, FoldRemovesMarksAndMapsDStroke) {
  EXPECT_EQ(fold_vietnamese("Quyền Sử Dụng ĐẤT"), "quyen su dung dat");
  EXPECT_EQ(fold_vietnamese("Điều 8 Bộ luật Lao động"), "dieu 8 bo luat lao dong");
}

TEST(Utf8, RemoveDiacriticsKeepsCase) {
  EXPECT_EQ(remove_diacritics("Quyền Sử Dụng ĐẤT đai"), "Quyen Su Dung DAT dai");
}

TEST(Utf8, LowerAndSentenceCaseKeepMarks) {
  EXPECT_EQ(to_lower("NGHỊ ĐỊNH"), "nghị định");
  EXPECT_EQ(sentence_case("QUY ĐỊNH CHUNG"), "Quy định chung");
  EXPECT_EQ(sentence_case("ĐIỀU KHOẢN"), "Điều khoản");
}

TEST(Utf8, SlugifyMakesAsciiUrls) {
  EXPECT_EQ(slugify("Tin tức pháp luật"), "tin-tuc-phap-luat");
  EXPECT_EQ(slugify("  Nghị định 100/2019/NĐ-CP!  "), "nghi-dinh-100-2019-nd-cp");
  EXPECT_EQ(slugify("!!!"), "");
  EXPECT_EQ(first_free_slug("luat", {}), "luat");
  EXPECT_EQ(first_free_slug("luat", {"luat-dat-dai", "luat-2"}), "luat");
  EXPECT_EQ(first_free_slug("luat", {"luat", "luat-2", "luat-dat-dai", "luat-4"}), "luat-3");
  EXPECT_LE(slugify(std::string(300, 'a'), 80).size(), 80u);
}

TEST(Utf8, PrefixCountsCodePoints) {
  EXPECT_EQ(core::utf8_prefix("Đất đai", 3), "Đất");
  EXPECT_EQ(core::utf8_prefix("Đất đai", 0), "");
  EXPECT_EQ(core::utf8_prefix("Đất", 10), "Đất");
  EXPECT_EQ(core::utf8_length(core::utf8_prefix("quyền sử dụng đất", 7)), 7u);
}

TEST(Utf8, CleanTextDropsControlCharactersAndTrims) {
  EXPECT_EQ(clean_text("  a\x01" "b\r\nc\t "), "ab\nc");
  EXPECT_EQ(clean_text("\x7F"), "");
}

}  // namespace core

TEST(VietnameseSortKey, OrdersAsTheAlphabetNotAsBytes) {
  std::vector<std::string> names = {"Xã Đông Hòa", "Xã Ân Thạnh", "Xã Dương Minh Châu", "Xã An Phú", "Xã Ea Kar", "Xã Ấp Bắc"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return core::vietnamese_sort_key(a) < core::vietnamese_sort_key(b); });
  EXPECT_EQ(names, (std::vector<std::string>{"Xã An Phú", "Xã Ân Thạnh", "Xã Ấp Bắc", "Xã Dương Minh Châu", "Xã Đông Hòa", "Xã Ea Kar"}));
}
