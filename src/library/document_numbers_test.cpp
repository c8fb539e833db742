#include "library/document_numbers.h"

#include <gtest/gtest.h>

#include <map>

namespace library {

TEST(DocumentNumbers, ShapeAndKey) {
  for (const char* n : {"91/2015/QH13", "100/2019/NĐ-CP", "01/VBHN-VPQH", "159/NQ-CP", "47/2026/TT-BCA", "91-2015-qh13"})
    EXPECT_TRUE(looks_like_number(n)) << n;
  for (const char* n : {"Bộ luật dân sự", "2015", "91/2015", "Điều 5", ""}) EXPECT_FALSE(looks_like_number(n)) << n;
  EXPECT_EQ(number_identity_key("100/2019/NĐ-CP"), "100/2019/nd-cp");
  EXPECT_EQ(number_identity_key("100-2019-ND-CP"), number_identity_key("100/2019/nđ-cp"));
  EXPECT_EQ(number_identity_key(" 100/2019/ND CP "), "100/2019/nd-cp");
}

TEST(DocumentNumbers, RelationsFollowTheirSentence) {
  auto rels = find_relations(
      "Căn cứ Luật số 91/2015/QH13. Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 125/2020/NĐ-CP. "
      "Nghị định này thay thế Nghị định số 15/2020/NĐ-CP. Thông tư này hướng dẫn Nghị định 100/2019/NĐ-CP.",
      "1/2026/NĐ-CP");
  std::map<std::string, RelationKind> by;
  for (const auto& r : rels) by[r.target_number] = r.kind;
  EXPECT_EQ(by["91/2015/QH13"], RelationKind::cites);
  EXPECT_EQ(by["125/2020/NĐ-CP"], RelationKind::amends);
  EXPECT_EQ(by["15/2020/NĐ-CP"], RelationKind::replaces);
  EXPECT_EQ(by["100/2019/NĐ-CP"], RelationKind::guides);
  EXPECT_EQ(find_relations("Nghị định 1/2026/NĐ-CP", "1/2026/NĐ-CP").size(), 0u) << "a document does not cite itself";
}

TEST(DocumentNumbers, RelationsKeepTheNumberAsWritten) {
  auto rels = find_relations("sửa đổi Nghị định số 100/2019/nđ-cp", "1/2026/NĐ-CP");
  ASSERT_EQ(rels.size(), 1u);
  EXPECT_EQ(rels[0].target_number, "100/2019/nđ-cp");
}

}  // namespace library
