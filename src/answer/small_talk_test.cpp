// Greetings, thanks and farewells get a fixed reply; anything with substance is a question.
#include "answer/small_talk.h"

#include <gtest/gtest.h>

namespace answer {
namespace {

TEST(SmallTalk, GreetingsThanksAndFarewellsGetTheirReply) {
  for (const char* greeting : {"xin chào", "Chào bạn!", "chao ad", "Hello", "alo alo", "chào buổi sáng ạ", "Xin chào luật sư"})
    EXPECT_TRUE(small_talk_reply(greeting).value_or("").starts_with("Xin chào!")) << greeting;
  for (const char* thanks : {"cảm ơn nhiều ạ", "cam on ban", "ok tks", "Thank you!", "cám ơn ad nhé", "chào ad, cảm ơn nhé"})
    EXPECT_TRUE(small_talk_reply(thanks).value_or("").starts_with("Cảm ơn bạn!")) << thanks;
  for (const char* farewell : {"tạm biệt", "cảm ơn, bye"})
    EXPECT_TRUE(small_talk_reply(farewell).value_or("").starts_with("Tạm biệt bạn!")) << farewell;
}

TEST(SmallTalk, AnythingOfSubstanceIsAQuestion) {
  for (const char* question : {"chào bán chứng khoán", "cảm ơn người làm chứng có được thưởng không", "ly hôn", "xin chào, cho hỏi thủ tục ly hôn",
                               "ok", "ạ", "", "   ", "chào chào chào chào chào chào chào chào chào chào chào"})
    EXPECT_FALSE(small_talk_reply(question)) << question;
}

}  // namespace
}  // namespace answer
