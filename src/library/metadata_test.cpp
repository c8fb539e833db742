#include "library/metadata.h"

#include <gtest/gtest.h>

namespace library {

TEST(Metadata, TypesAreCanonical) {
  EXPECT_EQ(canonical_type("nghi-dinh", ""), "Nghị định");
  EXPECT_EQ(canonical_type("Luật", "Bộ luật dân sự 2015"), "Luật") << "the source's type is kept when it is a type";
  EXPECT_EQ(canonical_type("TT-BNV", "Thông tư 05/2026/TT-BNV hướng dẫn"), "Thông tư");
  EXPECT_EQ(canonical_type("", "Nghị quyết 159/NQ-CP về việc"), "Nghị quyết");
  EXPECT_EQ(canonical_type("Quyết định của Thủ tướng Chính phủ", ""), "Quyết định");
  EXPECT_EQ(canonical_type("", "Luật sư tư vấn"), "") << "a word that only starts like a type is not one";
  EXPECT_EQ(canonical_type("", "Thông tư liên tịch 01/2020"), "Thông tư liên tịch");
  EXPECT_EQ(canonical_type("", "238/2026/NĐ-CP", "238/2026/NĐ-CP"), "Nghị định");
  EXPECT_EQ(canonical_type("", "24/2018/QH14", "24/2018/QH14"), "Luật");
  EXPECT_EQ(canonical_type("", "01/VBHN-VPQH", "01/VBHN-VPQH"), "Văn bản hợp nhất");
  EXPECT_EQ(canonical_type("", "Quy định hạn mức", "05/2026/TT-NHNN"), "Thông tư");
}

TEST(Metadata, StatusesSayOnlyWhatIsKnown) {
  EXPECT_EQ(canonical_status("Còn hiệu lực", "", "2026-11-28"), "Còn hiệu lực");
  EXPECT_EQ(canonical_status("Đang có hiệu lực", "", "2026-11-28"), "Còn hiệu lực");
  EXPECT_EQ(canonical_status("Hết hiệu lực một phần", "", "2026-11-28"), "Hết hiệu lực một phần");
  EXPECT_EQ(canonical_status("het_hieu_luc", "", "2026-11-28"), "Hết hiệu lực");
  EXPECT_EQ(canonical_status("Sắp có hiệu lực", "", "2026-11-28"), "Chưa có hiệu lực");
  EXPECT_EQ(canonical_status("Hoàn thiện", "2027-01-01", "2026-11-28"), "Chưa có hiệu lực");
  EXPECT_EQ(canonical_status("Hoàn thiện", "2020-01-01", "2026-11-28"), "") << "a crawl state is not a validity";
  EXPECT_EQ(canonical_status("Tạm ngưng đến 16/04/2026 theo NQ 09/2026/NQ-CP", "", "2026-11-28"), "Tạm ngưng hiệu lực");
}

}  // namespace library
