// The anti-spam partial that forms for anonymous visitors include (templates/partials/antispam_fields).
#include "web/templates.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace web {

TEST(AntispamFields, ChallengeBringsTheSolverAndTheNoscriptNotice) {
  auto html = render("partials/antispam_fields", {{"form_token", "f1.1.abc.def"}, {"pow_challenge", "v1.2.17.x.y"}});
  EXPECT_NE(html.find(R"(name="form_token" value="f1.1.abc.def")"), std::string::npos) << html;
  EXPECT_NE(html.find(R"(name="pow_challenge" value="v1.2.17.x.y")"), std::string::npos) << html;
  EXPECT_NE(html.find(R"(name="pow_nonce")"), std::string::npos);
  EXPECT_NE(html.find(R"(<script src="/static/pow.js" defer>)"), std::string::npos);
  EXPECT_NE(html.find("<noscript>"), std::string::npos);
  EXPECT_NE(html.find("Cần bật JavaScript"), std::string::npos);
}

TEST(AntispamFields, WithoutAChallengeThereIsNoProofOfWork) {
  // Logged-in askers, or PHOBIEN_QUESTION_POW_BITS=0: the form works without JavaScript.
  auto html = render("partials/antispam_fields", {{"form_token", "f1.1.abc.def"}});
  EXPECT_NE(html.find("form_token"), std::string::npos);
  EXPECT_EQ(html.find("pow_"), std::string::npos) << html;
  EXPECT_EQ(html.find("<noscript>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

}  // namespace web
