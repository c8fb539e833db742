// Building e-mails: Vietnamese subjects and bodies survive the trip through 7-bit headers and
// base64, and no address, name or subject can add a header line.
#include "core/utf8.h"
#include "mail/message.h"
#include "support/smtp_receiver.h"

#include <gtest/gtest.h>

namespace {

using namespace mail;

Message sample() {
  return Message{{"Cổng PBGDPL", "no-reply@pbgdpl.example.gov.vn"},
                 {"", "nguoi.hoi@example.com"},
                 "Câu hỏi tư vấn của bạn đã có trả lời",
                 "Chào bạn,\nchuyên gia đã trả lời câu hỏi về quyền sử dụng đất.\n",
                 1795856700,  // 2026-11-28 09:05:00 UTC
                 "phobien.1795856700.7@pbgdpl.example.gov.vn"};
}

testing_support::ReceivedMail parsed(const std::string& data) { return {"", "", {}, data}; }

std::vector<std::string> lines(const std::string& data) {
  std::vector<std::string> out;
  std::size_t start = 0, end;
  while ((end = data.find("\r\n", start)) != std::string::npos) {
    out.push_back(data.substr(start, end - start));
    start = end + 2;
  }
  EXPECT_EQ(start, data.size()) << "the text ends with CRLF and has no bare LF";
  return out;
}

TEST(MailMessage, HeadersAreSevenBitWithEncodedVietnameseSubject) {
  auto data = render(sample());
  for (const auto& line : lines(data)) {
    EXPECT_LE(line.size(), 78u) << line;
    for (unsigned char ch : line) ASSERT_TRUE(ch >= 0x20 && ch < 0x7f) << line;
  }
  auto m = parsed(data);
  EXPECT_EQ(m.header("Subject"), "Câu hỏi tư vấn của bạn đã có trả lời");
  EXPECT_NE(data.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(m.header("From"), "Cổng PBGDPL <no-reply@pbgdpl.example.gov.vn>");
  EXPECT_EQ(m.header("To"), "nguoi.hoi@example.com");
  EXPECT_EQ(m.header("Date"), "Sat, 28 Nov 2026 09:05:00 +0000");
  EXPECT_EQ(m.header("Message-ID"), "<phobien.1795856700.7@pbgdpl.example.gov.vn>");
  EXPECT_EQ(m.header("MIME-Version"), "1.0");
  EXPECT_EQ(m.header("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(m.header("Content-Transfer-Encoding"), "base64");
}

TEST(MailMessage, LongSubjectsFoldIntoWordsOfWholeCharacters) {
  std::string subject;
  for (int i = 0; i < 8; ++i) subject += "Thông báo kết quả phiên tư vấn pháp luật trực tuyến ";
  auto folded = encode_header_text(subject);
  std::size_t start = 0;
  int words = 0;
  while ((start = folded.find("=?UTF-8?B?", start)) != std::string::npos) {
    auto end = folded.find("?=", start);
    auto piece = testing_support::decode_base64(folded.substr(start + 10, end - start - 10));
    EXPECT_TRUE(core::is_valid_utf8(piece)) << "a word split a character";
    EXPECT_LE(end + 2 - start, 75u);
    start = end;
    ++words;
  }
  EXPECT_GT(words, 5);
  EXPECT_EQ(testing_support::decode_header_text(folded), subject);

  // Long ASCII is encoded too: words fold anywhere, plain text would need a space.
  std::string ascii(120, 'x');
  EXPECT_EQ(testing_support::decode_header_text(encode_header_text(ascii)), ascii);
  EXPECT_EQ(encode_header_text("Short ASCII subject"), "Short ASCII subject");
}

TEST(MailMessage, BodyIsBase64OfCrlfTextInShortLines) {
  auto m = sample();
  m.body = std::string("Dòng một\nDòng hai\r\nDòng ba\r") + std::string(300, 'a') + "\n.\n..";
  auto data = render(m);
  auto body = data.substr(data.find("\r\n\r\n") + 4);
  for (const auto& line : lines(body)) EXPECT_LE(line.size(), 76u);
  EXPECT_EQ(parsed(data).text(), std::string("Dòng một\r\nDòng hai\r\nDòng ba\r\n") + std::string(300, 'a') + "\r\n.\r\n..");
  m.body = "";
  EXPECT_EQ(parsed(render(m)).text(), "");
}

TEST(MailMessage, ParsesMailboxes) {
  auto m = parse_mailbox("PhoBien <no-reply@localhost>");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "PhoBien");
  EXPECT_EQ(m->address, "no-reply@localhost");
  m = parse_mailbox(R"( "Sở Tư pháp, tỉnh \"A\"" <stp@example.gov.vn> )");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, R"(Sở Tư pháp, tỉnh "A")");
  m = parse_mailbox("stp@example.gov.vn");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "");
  EXPECT_FALSE(parse_mailbox("PhoBien <no-reply@localhost"));
  EXPECT_FALSE(parse_mailbox("PhoBien"));
  EXPECT_FALSE(parse_mailbox("Pho\r\nBcc: x@y.vn <no-reply@localhost>"));
}

TEST(MailMessage, HeaderInjectionIsImpossible) {
  auto m = sample();
  m.to.address = "victim@example.com\r\nBcc: everyone@example.com";
  EXPECT_THROW(render(m), std::invalid_argument);
  m = sample();
  m.from.address = "no-reply@x.vn\nBcc: a@b.vn";
  EXPECT_THROW(render(m), std::invalid_argument);
  m = sample();
  m.message_id = "x@y>\r\nBcc: a@b.vn";
  EXPECT_THROW(render(m), std::invalid_argument);

  // Texts from users (a question's title, a name) cannot break a line either.
  m = sample();
  m.subject = "Hello\r\nBcc: everyone@example.com";
  m.from.name = "PhoBien\r\nX-Injected: 1";
  m.to.name = "Bob\nCc: c@d.vn";
  auto data = render(m);
  auto head = data.substr(0, data.find("\r\n\r\n"));
  EXPECT_EQ(head.find("\r\nBcc"), std::string::npos) << head;
  EXPECT_EQ(head.find("\r\nX-Injected"), std::string::npos) << head;
  EXPECT_EQ(head.find("\r\nCc"), std::string::npos) << head;
  EXPECT_EQ(parsed(data).header("Subject"), "Hello  Bcc: everyone@example.com");
  EXPECT_EQ(parsed(data).header("To"), "\"Bob Cc: c@d.vn\" <nguoi.hoi@example.com>");

  m = sample();
  m.body = "\xff\xfe";
  EXPECT_THROW(render(m), std::invalid_argument) << "the body is declared UTF-8";
}

TEST(MailMessage, MasksAddressesForLogs) {
  EXPECT_EQ(mask_address("an.nguyen@example.com"), "a***@example.com");
  EXPECT_EQ(mask_address("not-an-address"), "***");
}

}  // namespace
