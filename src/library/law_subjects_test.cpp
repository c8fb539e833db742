#include "library/law_subjects.h"

#include "core/resources.h"

#include <gtest/gtest.h>

namespace library {

TEST(LawSubjects, OneLineALawBecomesOneThesaurusLineAPhrase) {
  EXPECT_EQ(law_subject_lines("# comment\n\nLuật Hộ tịch\tkhai sinh; khai tử ;\r\nno tab here\n  \tphrase without a law\n"),
            "khai sinh\tLuật Hộ tịch\nkhai tử\tLuật Hộ tịch\n");
}

TEST(LawSubjects, TheCuratedListIsReadWhole) {
  const auto tsv = core::find_resource("content/thesaurus/law-subjects.tsv");
  ASSERT_TRUE(tsv);
  std::vector<std::string> problems;
  text::Thesaurus::parse(law_subject_lines(*tsv), &problems);
  EXPECT_TRUE(problems.empty()) << problems.front();
  const auto subjects = builtin_law_subjects();
  ASSERT_GT(subjects->size(), 300u);
  auto law_of = [&](std::vector<std::string> folded, std::vector<std::string> lower) {
    const auto found = subjects->find(folded, lower);
    return found.size() == 1 && found[0].terms && !found[0].terms->empty() ? found[0].terms->front() : std::string();
  };
  EXPECT_EQ(law_of({"cong", "ty", "hop", "danh"}, {"công", "ty", "hợp", "danh"}), "Luật Doanh nghiệp");
  EXPECT_EQ(law_of({"dang", "ky", "khai", "sinh"}, {"đăng", "ký", "khai", "sinh"}), "Luật Hộ tịch");
  EXPECT_EQ(law_of({"phong", "chay", "chua", "chay"}, {"phòng", "cháy", "chữa", "cháy"}), "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ")
      << "a law's name may hold commas";
}

}  // namespace library
