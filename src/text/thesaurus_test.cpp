// The citizen thesaurus: its file format, and everyday phrases found with or without diacritics.
#include "text/thesaurus.h"

#include "text/vietnamese.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace text {
namespace {

// One field of each token of `s`: Token::folded, or Token::lower (as typed, lower case).
std::vector<std::string> token_field(std::string_view s, std::string Token::*field) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(normalize(s))) out.push_back(t.*field);
  return out;
}
std::vector<std::string> folded(std::string_view s) { return token_field(s, &Token::folded); }
std::vector<std::string> lower(std::string_view s) { return token_field(s, &Token::lower); }

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

TEST(Thesaurus, AWordTypedWithDiacriticsFindsOnlyThatSpelling) {
  auto t = Thesaurus::parse("kiện\tkhởi kiện\nđền\tbồi thường\ncám\tthức ăn chăn nuôi\ncấm\thành vi bị nghiêm cấm\n");
  EXPECT_EQ(t.size(), 3u) << "\"cám\" and \"cấm\" fold alike: one entry, two spellings";
  const std::string opinion = "Sếp không hỏi ý kiến ai thì có đúng không";
  EXPECT_TRUE(t.find(folded(opinion), lower(opinion)).empty()) << "\"kiến\" is not \"kiện\"";
  EXPECT_EQ(t.find(folded(opinion)).size(), 1u) << "folded only, as before";
  const std::string sue = "muốn kiện công ty thì làm sao";
  ASSERT_EQ(t.find(folded(sue), lower(sue)).size(), 1u);
  const std::string unaccented = "muon kien cong ty den bu";
  EXPECT_EQ(t.find(folded(unaccented), lower(unaccented)).size(), 2u) << "without diacritics every spelling may be meant";

  const std::string forbidden = "hành vi nào bị cấm";
  auto found = t.find(folded(forbidden), lower(forbidden));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(*found[0].terms, (std::vector<std::string>{"hành vi bị nghiêm cấm"}));
  const std::string either = "cam";
  EXPECT_EQ(*t.find(folded(either), lower(either))[0].terms, (std::vector<std::string>{"thức ăn chăn nuôi", "hành vi bị nghiêm cấm"}));
}

TEST(Thesaurus, AsWrittenEveryWordMustBeSpelledSo) {
  auto t = Thesaurus::parse("thị thực\tLuật Nhập cảnh\n");
  const std::string exam = "Những ai được miễn thi thực hành kỹ năng quân sự?";
  EXPECT_EQ(t.find(folded(exam), lower(exam)).size(), 1u) << "a plain word may mean any spelling";
  EXPECT_TRUE(t.find_as_written(folded(exam), lower(exam)).empty()) << "\"thi\" as written is not \"thị\"";
  const std::string visa = "Giấy miễn thị thực hết hạn thì làm sao?";
  EXPECT_EQ(t.find_as_written(folded(visa), lower(visa)).size(), 1u);
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
