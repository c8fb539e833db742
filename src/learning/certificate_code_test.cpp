#include "learning/certificate_code.h"

#include <gtest/gtest.h>

#include <set>

namespace {

TEST(CertificateCode, NewCodesAreTenUnambiguousCharactersAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto code = learning::new_certificate_code();
    ASSERT_EQ(code.size(), learning::kCertificateCodeLength);
    EXPECT_EQ(code.find_first_of("ILOU"), std::string::npos) << code;
    EXPECT_EQ(learning::normalize_certificate_code(code), code);
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(CertificateCode, TypedCodesAreReadAsPeopleWriteThem) {
  EXPECT_EQ(learning::normalize_certificate_code("7k3mq-9xd2f"), "7K3MQ9XD2F");
  EXPECT_EQ(learning::normalize_certificate_code(" 7K3MQ 9XD2F "), "7K3MQ9XD2F");
  EXPECT_EQ(learning::normalize_certificate_code("O1ILQ-9XD2F"), "0111Q9XD2F") << "O, I and L read as 0, 1, 1";
  for (const char* refused : {"", "7K3MQ9XD2", "7K3MQ9XD2FF", "7K3MQ9XD2U", "7K3MQ/9XD2F", "Đ7K3MQ9XD2"})
    EXPECT_FALSE(learning::normalize_certificate_code(refused)) << refused;
  EXPECT_FALSE(learning::normalize_certificate_code(std::string(100, '1')));
  EXPECT_EQ(learning::display_certificate_code("7K3MQ9XD2F"), "7K3MQ-9XD2F");
}

}  // namespace
