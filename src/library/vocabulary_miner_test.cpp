// Vocabulary suggestions mined from answered questions: a word many questions use, whose cited
// articles share a term the rest of the library and the archive seldom hold.
#include "library/vocabulary_miner.h"

#include <gtest/gtest.h>

namespace library {
namespace {

const std::map<std::string, std::string> kArticles = {
    {"lao:36", "Quyền đơn phương chấm dứt hợp đồng lao động của người sử dụng lao động\n1. Người sử dụng lao động có quyền đơn "
               "phương chấm dứt hợp đồng lao động trong trường hợp người lao động thường xuyên không hoàn thành công việc."},
    {"lao:39", "Đơn phương chấm dứt hợp đồng lao động trái pháp luật\nLà trường hợp đơn phương chấm dứt hợp đồng lao động không "
               "đúng quy định."},
    {"lao:41", "Nghĩa vụ của người sử dụng lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật\n1. Phải nhận người "
               "lao động trở lại làm việc theo hợp đồng đã giao kết."},
    {"dat:135", "Nguyên tắc cấp giấy chứng nhận quyền sử dụng đất\nGiấy chứng nhận quyền sử dụng đất được cấp theo từng thửa đất."},
    {"dat:137", "Cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình\nHộ gia đình đang sử dụng đất được cấp giấy chứng nhận "
                "quyền sử dụng đất."},
    {"dat:140", "Giấy chứng nhận quyền sử dụng đất bị mất\nNgười bị mất giấy chứng nhận quyền sử dụng đất khai báo với cơ quan."},
    {"dan:603", "Bồi thường thiệt hại do súc vật gây ra\nChủ sở hữu súc vật phải bồi thường thiệt hại do súc vật gây ra cho người "
                "khác."},
};

const std::vector<AnsweredQuestion> kQuestions = {
    {"Công ty đuổi việc tôi không báo trước có đúng không?", {"lao:36", "lao:39"}},
    {"Tôi bị đuổi việc vô cớ thì công ty phải làm gì?", {"lao:41"}},
    {"cty duoi viec em ma ko tra luong", {"lao:39"}},
    {"Sếp đuổi việc nhân viên đang mang thai được không?", {"lao:36"}},
    {"Tôi muốn làm sổ đỏ cho mảnh đất bố mẹ để lại", {"dat:135"}},
    {"Sổ đỏ của tôi đứng tên cả hai vợ chồng được không?", {"dat:137"}},
    {"Nhà tôi chưa có sổ đỏ thì có bán được không?", {"dat:135", "dat:137"}},
    {"Chó nhà hàng xóm cắn tôi thì ai bồi thường?", {"dan:603"}},
};

// A library where the articles (cited or not) stand among 300 others on other subjects.
LibraryScan library_of(const std::map<std::string, std::string>& cited) {
  return [cited](const std::function<void(std::string_view)>& sink) {
    for (const auto& [key, text] : cited) sink(text);
    for (int i = 0; i < 300; ++i)
      sink("Công ty và cơ quan nhà nước có thẩm quyền thực hiện việc quản lý theo quy định của pháp luật về lĩnh vực số " +
           std::to_string(i) + (i % 3 ? ", bảo đảm quyền lợi của người dân." : "."));
  };
}

const VocabularySuggestion* find(const std::vector<VocabularySuggestion>& found, std::string_view key) {
  for (const auto& s : found)
    if (s.phrase_key == key) return &s;
  return nullptr;
}

std::vector<VocabularySuggestion> mine(const text::Thesaurus& known = {}, const std::vector<std::string>& dismissed = {}) {
  return mine_vocabulary(kQuestions, kArticles, library_of(kArticles), known, dismissed);
}

TEST(VocabularyMiner, AnEverydayWordGetsTheTermItsCitedArticlesShare) {
  auto found = mine();
  const auto* fired = find(found, "duoi viec");
  ASSERT_NE(fired, nullptr);
  EXPECT_EQ(fired->phrase, "đuổi việc");  // written with its diacritics, though one question had none
  EXPECT_EQ(fired->questions, 4u);        // "cty duoi viec …" too
  EXPECT_EQ(fired->articles, 3u);
  ASSERT_FALSE(fired->terms.empty());
  EXPECT_EQ(fired->terms.front(), "đơn phương chấm dứt hợp đồng lao động");  // grown from a pair to the whole term
  EXPECT_DOUBLE_EQ(fired->share, 1.0);
  EXPECT_GT(fired->lift, 10);
  EXPECT_EQ(fired->examples.size(), 3u);

  const auto* land = find(found, "so do");
  ASSERT_NE(land, nullptr);
  EXPECT_NE(land->terms.front().find("giấy chứng nhận quyền sử dụng đất"), std::string::npos) << land->terms.front();
}

TEST(VocabularyMiner, OneNotionIsSuggestedOnce) {
  auto found = mine();
  EXPECT_EQ(find(found, "duoi"), nullptr);  // the single syllable says the same with less precision
}

TEST(VocabularyMiner, GenericWordsRareQuestionsAndTheLawsOwnWordsGiveNothing) {
  auto found = mine();
  EXPECT_EQ(find(found, "toi"), nullptr);  // in questions on every subject
  EXPECT_EQ(find(found, "cho"), nullptr);  // one question: chance
  EXPECT_EQ(find(found, "cong ty"), nullptr);  // common in the library
  for (const auto& s : found) {
    EXPECT_GE(s.questions, 3u) << s.phrase;
    EXPECT_GE(s.share, 0.6) << s.phrase;
  }
}

TEST(VocabularyMiner, WhatTheThesaurusHasOrEditorsDismissedIsNotSuggestedAgain) {
  const auto known = text::Thesaurus::parse("sổ đỏ\tgiấy chứng nhận quyền sử dụng đất\n");
  auto found = mine(known, {"duoi viec"});
  EXPECT_EQ(find(found, "so do"), nullptr);
  EXPECT_EQ(find(found, "duoi viec"), nullptr);
}

TEST(VocabularyMiner, AnArchiveOnOneSubjectDoesNotTieItsCommonWordsToThatSubject) {
  // Every question is about dismissal: "tôi" and "công ty" then go with its terms as often as
  // every question does, which is no evidence; "đuổi việc" still is not, for the same reason.
  std::vector<AnsweredQuestion> one_subject(kQuestions.begin(), kQuestions.begin() + 4);
  auto found = mine_vocabulary(one_subject, kArticles, library_of(kArticles), {}, {});
  EXPECT_TRUE(found.empty());
}

TEST(VocabularyMiner, NoQuestionsNoSuggestions) {
  EXPECT_TRUE(mine_vocabulary({}, {}, library_of({}), {}, {}).empty());
  // A cited article missing from the texts counts as one without words.
  EXPECT_TRUE(mine_vocabulary({{"đuổi việc", {"x:1"}}, {"đuổi việc", {"x:2"}}, {"đuổi việc", {"x:3"}}}, {}, library_of({}), {}, {}).empty());
}

}  // namespace
}  // namespace library
