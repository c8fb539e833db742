#include "web/markdown.h"

#include <gtest/gtest.h>

namespace web {

TEST(Markdown, RendersGithubFlavouredMarkdown) {
  auto html = markdown_to_html("## Điều 1\n\n**Phạm vi** điều chỉnh\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  EXPECT_NE(html.find("<h2>Điều 1</h2>"), std::string::npos);
  EXPECT_NE(html.find("<strong>Phạm vi</strong>"), std::string::npos);
  EXPECT_NE(html.find("<table>"), std::string::npos);
}

TEST(Markdown, DropsRawHtmlAndDangerousLinks) {
  auto html = markdown_to_html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[bấm](javascript:alert(1))");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("onerror"), std::string::npos) << html;
  EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
}

}  // namespace web
