#include "web/templates.h"

#include "core/resources.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

namespace web {

TEST(Templates, AllTemplatesParse) { EXPECT_NO_THROW(check_templates()); }

TEST(Templates, ValuesAreEscapedByDefault) {
  nlohmann::json view = {{"title", "<script>alert('x')</script> & \"đất\""}, {"site_name", "PhoBien"}, {"message", "m"}};
  auto html = render_page("errors/error", view);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;đất&quot;"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"vi\">"), std::string::npos) << "pages are wrapped in the layout";
}

// kainjow's mustache cannot index a list: "{{#items.0}}" is always false, so what it guards is
// never shown. Templates test a flag such as has_items instead.
TEST(Templates, NoSectionIndexesAList) {
  const std::regex indexed(R"(\{\{[#^/][^}]*\.[0-9]+\s*\}\})");
  for (const auto* r : core::resources_under("templates/")) {
    std::string text(r->data);
    std::smatch m;
    EXPECT_FALSE(std::regex_search(text, m, indexed)) << r->path << ": " << m.str();
  }
}

TEST(Templates, MissingTemplateIsAnError) { EXPECT_THROW(render("khong/co", nlohmann::json::object()), std::runtime_error); }

}  // namespace web
