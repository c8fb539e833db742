#pragma once
// Greetings, thanks and farewells sent to the answering service ("xin chào", "cảm ơn ad nhiều ạ",
// "ok tks", "tạm biệt"): on Messenger, Zalo and the chat panel people write them as they would to
// a person. They get a fixed Vietnamese reply instead of an article that happens to hold the word
// ("chào" in "chào bán chứng khoán"). A message is small talk when it is short (at most
// kSmallTalkWords syllables), holds a greeting, thanks or farewell, and nothing else but words of
// address and politeness ("bạn", "ad", "ạ", "nhiều", "buổi sáng"). Pure.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace answer {

inline constexpr std::size_t kSmallTalkWords = 10;

// The reply to small talk, or nullopt for anything else (a question, however short).
std::optional<std::string> small_talk_reply(std::string_view message);

}  // namespace answer
