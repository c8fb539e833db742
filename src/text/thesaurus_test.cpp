// The citizen thesaurus: its file format, and everyday phrases found with or without diacritics.
#include "text/thesaurus.h"

#include "text/vietnamese.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace text {
namespace {

std::vector<std::string> folded(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(normalize(s))) out.push_back(t.folded);
  return out;
}

TEST(Thesaurus, TheLongestPhraseWinsWithOrWithoutDiacritics) {
  auto t = Thesaurus::parse("# comment\nnghỉ việc\tchấm dứt hợp đồng lao động\nnghỉ\tnghỉ ngơi\nsổ đỏ\tgiấy chứng nhận quyền sử dụng đất; sổ địa chính\n");
  EXPECT_EQ(t.size(), 3u);
  auto found = t.find(folded("Em muốn nghỉ việc, có cần sổ đỏ không"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].begin, 2u);
  EXPECT_EQ(found[0].end, 4u);
  EXPECT_EQ(found[0].terms->front(), "chấm dứt hợp đồng lao động");
  EXPECT_EQ(*found[1].terms, (std::vector<std::string>{"giấy chứng nhận quyền sử dụng đất", "sổ địa chính"}));
  auto unaccented = t.find(folded("so do mat thi lam lai the nao"));
  ASSERT_EQ(unaccented.size(), 1u);
  EXPECT_EQ(unaccented[0].begin, 0u);
  EXPECT_TRUE(t.find(folded("thời hiệu khởi kiện")).empty());
}

TEST(Thesaurus, LinesItCannotUseAreNamed) {
  std::vector<std::string> problems;
  auto t = Thesaurus::parse("nghỉ việc chấm dứt\n\t\nsổ đỏ\t\nbằng lái\tgiấy phép lái xe\n", &problems);
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(problems, (std::vector<std::string>{"dòng 1: thiếu dấu TAB giữa từ thường dùng và thuật ngữ pháp luật",
                                                "dòng 3: thiếu từ thường dùng hoặc thuật ngữ pháp luật"}));
}

TEST(Thesaurus, TheCuratedFileReadsWhole) {
  std::ifstream in(std::string(PHOBIEN_SOURCE_DIR) + "/content/thesaurus/citizen-terms.tsv");
  std::stringstream tsv;
  tsv << in.rdbuf();
  std::vector<std::string> problems;
  auto t = Thesaurus::parse(tsv.str(), &problems);
  EXPECT_TRUE(problems.empty()) << problems.front();
  EXPECT_GT(t.size(), 100u);
  EXPECT_FALSE(t.find(folded("bằng lái")).empty());
}

}  // namespace
}  // namespace text
