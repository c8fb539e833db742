#include "answer/small_talk.h"

#include "core/utf8.h"
#include "text/texting.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <array>
#include <vector>

namespace answer {

namespace {

enum class Kind { greeting, thanks, farewell };

struct Marker {
  std::array<std::string_view, 2> words;  // folded; the second "" for a one-word marker
  Kind kind;
};

// Folded: "chao" is also typed for "chào" without diacritics; "cam on" for "cảm ơn".
constexpr std::array<Marker, 13> kMarkers = {{{{"xin", "chao"}, Kind::greeting},
                                              {{"chao", ""}, Kind::greeting},
                                              {{"hello", ""}, Kind::greeting},
                                              {{"hi", ""}, Kind::greeting},
                                              {{"alo", ""}, Kind::greeting},
                                              {{"cam", "on"}, Kind::thanks},
                                              {{"thanks", ""}, Kind::thanks},
                                              {{"thank", ""}, Kind::thanks},
                                              {{"tks", ""}, Kind::thanks},
                                              {{"thank", "you"}, Kind::thanks},
                                              {{"tam", "biet"}, Kind::farewell},
                                              {{"bye", ""}, Kind::farewell},
                                              {{"goodbye", ""}, Kind::farewell}}};

// Words of address and politeness that may stand around a greeting, folded.
constexpr auto kAround = std::to_array<std::string_view>({"ban", "ad", "admin", "anh", "chi", "em", "minh", "toi", "a", "nhe", "nha",
                                                          "nhieu", "rat", "lam", "qua", "ok", "oke", "okay", "vang", "da", "you",
                                                          "buoi", "sang", "chieu", "moi", "nguoi", "he", "thong", "luat", "su", "vay"});

const char* const kGreetingReply =
    "Xin chào! Đây là dịch vụ hỏi đáp pháp luật tự động: câu trả lời trích nguyên văn quy định trong tủ sách pháp luật. "
    "Bạn hãy đặt câu hỏi bằng lời của mình, ví dụ: “Nghỉ việc phải báo trước bao nhiêu ngày?”";
const char* const kThanksReply = "Cảm ơn bạn! Nếu còn thắc mắc về pháp luật, bạn cứ đặt câu hỏi tiếp.";
const char* const kFarewellReply = "Tạm biệt bạn! Khi cần tìm hiểu pháp luật, bạn cứ quay lại đặt câu hỏi.";

}  // namespace

std::optional<std::string> small_talk_reply(std::string_view message) {
  std::vector<std::string> words;
  for (auto& t : text::tokenize(text::expand_texting(core::nfc(message)))) words.push_back(std::move(t.folded));
  if (words.empty() || words.size() > kSmallTalkWords) return std::nullopt;
  std::optional<Kind> said;
  for (std::size_t i = 0; i < words.size();) {
    const auto marker = std::find_if(kMarkers.begin(), kMarkers.end(), [&](const Marker& m) {
      return m.words[0] == words[i] && (m.words[1].empty() || (i + 1 < words.size() && m.words[1] == words[i + 1]));
    });
    if (marker != kMarkers.end()) {
      // Thanks outweigh a greeting ("chào ad, cảm ơn nhé"); a farewell outweighs both.
      if (!said || marker->kind > *said) said = marker->kind;
      i += marker->words[1].empty() ? 1 : 2;
    } else if (std::find(kAround.begin(), kAround.end(), words[i]) != kAround.end()) {
      ++i;
    } else {
      return std::nullopt;  // a word of substance: a question, however short
    }
  }
  if (!said) return std::nullopt;
  switch (*said) {
    case Kind::greeting: return kGreetingReply;
    case Kind::thanks: return kThanksReply;
    case Kind::farewell: return kFarewellReply;
  }
  return std::nullopt;
}

}  // namespace answer
