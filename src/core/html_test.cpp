#include "core/html.h"

#include <gtest/gtest.h>

namespace core {

TEST(Html, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(html_escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  EXPECT_EQ(html_escape("Điều 5"), "Điều 5");
}

}  // namespace core
