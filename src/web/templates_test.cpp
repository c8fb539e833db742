#include "web/templates.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

TEST(Templates, MissingTemplateIsAnError) { EXPECT_THROW(render("khong/co", nlohmann::json::object()), std::runtime_error); }

}  // namespace web
