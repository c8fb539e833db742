#include "http/form.h"
#include "http/message.h"

#include <gtest/gtest.h>

namespace http {

TEST(Message, ParsesUrlencodedFormsIntoNfcUtf8) {
  auto f = parse_urlencoded("title=Lu%E1%BA%ADt+c%C6%B0+tr%C3%BA&empty=&flag");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->size(), 3u);
  EXPECT_EQ((*f)[0].second, "Luật cư trú");
  EXPECT_EQ((*f)[1].second, "");
  EXPECT_EQ((*f)[2].first, "flag");
}

TEST(Message, RejectsBrokenEscapesAndInvalidUtf8) {
  EXPECT_FALSE(parse_urlencoded("a=%"));
  EXPECT_FALSE(parse_urlencoded("a=%zz"));
  EXPECT_FALSE(parse_urlencoded("a=%C3"));
  EXPECT_FALSE(parse_urlencoded("a=%FF%FE"));
}

TEST(Message, ReadsCookiesAndQueryParameters) {
  Request r;
  r.headers = {{"cookie", "a=1; pb_session=abc ; pb_csrf=xyz"}};
  r.query = "trang=2&q=%C4%91%E1%BA%A5t";
  EXPECT_EQ(r.cookie("pb_session"), "abc");
  EXPECT_EQ(r.cookie("pb_csrf"), "xyz");
  EXPECT_FALSE(r.cookie("missing"));
  EXPECT_EQ(r.query_param("trang"), "2");
  EXPECT_EQ(r.query_param("q"), "đất");
}

TEST(Message, CookieCarriesSecurityAttributes) {
  Cookie c{"pb_session", "t", 3600, true, true, "Lax"};
  EXPECT_EQ(c.serialize(), "pb_session=t; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax");
}


TEST(Form, ParsesMultipartFieldsAndFiles) {
  Request r;
  r.headers = {{"content-type", "multipart/form-data; boundary=XyZ"}};
  r.body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nTiêu đề\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"cover\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
      "\x89PNG\r\n\x1A\n...\r\n--XyZ--\r\n";
  auto f = parse_form(r);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->get("title"), "Tiêu đề");
  ASSERT_NE(f->file("cover"), nullptr);
  EXPECT_EQ(f->file("cover")->filename, "a.png");
  EXPECT_EQ(f->file("cover")->data.substr(0, 4), "\x89PNG");
}

TEST(Form, RejectsTruncatedMultipart) {
  Request r;
  r.headers = {{"content-type", "multipart/form-data; boundary=XyZ"}};
  r.body = "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nno closing delimiter";
  EXPECT_FALSE(parse_form(r));
}

}  // namespace http
