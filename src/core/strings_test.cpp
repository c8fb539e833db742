#include "core/strings.h"

#include <gtest/gtest.h>

namespace core {

using Pieces = std::vector<std::string>;

TEST(Strings, SplitKeepsEveryPieceInOrder) {
  EXPECT_EQ(split("a,,b", ","), (Pieces{"a", "", "b"}));
  EXPECT_EQ(split("", ","), (Pieces{""}));
  EXPECT_EQ(split("a,", ","), (Pieces{"a", ""}));
  EXPECT_EQ(split(",a", ","), (Pieces{"", "a"}));
  EXPECT_EQ(split("no separator", ","), (Pieces{"no separator"}));
  EXPECT_EQ(split("Host: x\r\nAccept: y\r\n", "\r\n"), (Pieces{"Host: x", "Accept: y", ""}));
  EXPECT_EQ(split("a; b;c; ", "; "), (Pieces{"a", "b;c", ""}));
  EXPECT_EQ(split("abc", ""), (Pieces{"abc"}));
}

TEST(Strings, TrimRemovesOnlyTheListedCharactersAtTheEnds) {
  EXPECT_EQ(trim("  a b  "), "a b");
  EXPECT_EQ(trim("\t a \t"), "\t a \t");
  EXPECT_EQ(trim("\t a \t", " \t"), "a");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("..tên tệp. .", " ."), "tên tệp");
}

TEST(Strings, SplitListTrimsSpacesAndDropsEmptyItems) {
  EXPECT_EQ(split_list(" a, b ,,c "), (Pieces{"a", "b", "c"}));
  EXPECT_EQ(split_list(""), Pieces{});
  EXPECT_EQ(split_list(" , ,"), Pieces{});
  EXPECT_EQ(split_list("10.0.0.1;  ::1", ';'), (Pieces{"10.0.0.1", "::1"}));
  // Only spaces are trimmed: a tab stays part of the item.
  EXPECT_EQ(split_list("a,\tb"), (Pieces{"a", "\tb"}));
}

TEST(Strings, SplitCleanCleansEachItemAndDropsEmptyOnes) {
  EXPECT_EQ(split_clean("Thuế, tài chính; \tĐất đai\n;;", ';'), (Pieces{"Thuế, tài chính", "Đất đai"}));
  EXPECT_EQ(split_clean("a\x01" "b, ,c\r", ','), (Pieces{"ab", "c"}));
  EXPECT_EQ(split_clean("", ','), Pieces{});
}

TEST(Strings, JoinPutsTheSeparatorBetweenPiecesOnly) {
  EXPECT_EQ(join({"Thuế", "Đất đai"}, "; "), "Thuế; Đất đai");
  EXPECT_EQ(join({"a"}, "; "), "a");
  EXPECT_EQ(join({}, "; "), "");
  EXPECT_EQ(join(split("a,,b", ","), ","), "a,,b") << "join undoes split";
}

TEST(Strings, ForLogKeepsOneLine) {
  EXPECT_EQ(for_log("/bai-viet/luật-đất-đai"), "/bai-viet/luật-đất-đai");
  EXPECT_EQ(for_log("/a\r\nrequest method=GET path=\"/forged\""), "/a\\x0d\\x0arequest method=GET path=\"/forged\"");
  EXPECT_EQ(for_log("a\\x0a"), "a\\x5cx0a") << "a literal backslash cannot pass for an escape";
  EXPECT_EQ(for_log(std::string("\0\t\x7f", 3)), "\\x00\\x09\\x7f");
}

}  // namespace core

