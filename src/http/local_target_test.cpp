#include "http/local_target.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace http {

TEST(LocalTarget, KeepsPathsOfThisSite) {
  for (std::string ok : {"/", "/quan-tri", "/van-ban/luat-dat-dai-2024/dieu-5", "/tim-kiem?q=ket%20hon&trang=2",
                         "/tim-kiem?q=k%E1%BA%BFt%20h%C3%B4n", "/bai-viet/a#muc-1"})
    EXPECT_EQ(local_target(ok), ok) << ok;
}

TEST(LocalTarget, RefusesOtherSitesAndSchemes) {
  for (std::string bad : {"", "quan-tri", "//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example",
                          "javascript:alert(1)", "/%2F/evil.example", "/%2fevil.example", "/%5Cevil.example",
                          "/%252F/evil.example", "/%255Cevil.example", "/100%", "/%zz"})
    EXPECT_EQ(local_target(bad), std::nullopt) << bad;
  EXPECT_EQ(local_target("/" + std::string(2000, 'a')), std::nullopt);
}

// Every character a browser strips or folds (controls, space, backslash, DEL, bytes above ASCII),
// raw, percent-encoded once and twice, placed after the first slash, in the middle and at the end.
TEST(LocalTarget, PropertyNoControlCharacterOrBackslashInAnyEncodingIsAccepted) {
  const char* hex = "0123456789ABCDEF";
  std::vector<unsigned char> dangerous;
  for (int c = 0; c < 0x20; ++c) dangerous.push_back(static_cast<unsigned char>(c));
  for (int c : {0x20, 0x5c, 0x7f, 0x80, 0xff}) dangerous.push_back(static_cast<unsigned char>(c));  // space, backslash, DEL, high bytes
  int checked = 0;
  for (unsigned char c : dangerous) {
    std::string encoded = std::string("%") + hex[c >> 4] + hex[c & 15];
    std::string twice = std::string("%25") + hex[c >> 4] + hex[c & 15];
    for (const std::string& form : {std::string(1, static_cast<char>(c)), encoded, twice}) {
      // An encoded space or high byte is an ordinary path character once decoded (a Vietnamese
      // letter is two or three high bytes), so it may stay; everything else must be refused.
      const bool ordinary_once_decoded = (c == ' ' || c >= 0x80) && form.front() == '%';
      for (const std::string& candidate : {"/" + form + "/evil.example", "/a" + form + "b", "/tim-kiem?q=" + form}) {
        ++checked;
        if (!ordinary_once_decoded) EXPECT_EQ(local_target(candidate), std::nullopt) << "byte " << int(c) << " as " << candidate;
      }
    }
  }
  EXPECT_GT(checked, 250);
}

}  // namespace http
