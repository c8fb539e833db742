// Vocabulary suggestions over HTTP, on both databases: answers published in the consultation
// archive teach the back office which everyday words to add to the thesaurus; editors take one
// (the search knows it at once) or dismiss it (it does not come back), and nobody else sees them.
#include "answer/review_repository.h"
#include "consult/archive_import.h"
#include "core/time.h"
#include "http/message.h"
#include "support/fixtures.h"
#include "support/library_fixtures.h"
#include "support/test_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <set>
#include <thread>

namespace {

using namespace testing_support;

// The labour code's articles on dismissal among 150 others, and two of the land law's.
std::string corpus() {
  nlohmann::json labour = nlohmann::json::array({
      {{"id", "36"}, {"text", "Quyền đơn phương chấm dứt hợp đồng lao động của người sử dụng lao động\n\n1. Người sử dụng lao động có quyền "
                              "đơn phương chấm dứt hợp đồng lao động trong trường hợp người lao động thường xuyên không hoàn thành công việc."}},
      {{"id", "39"}, {"text", "Đơn phương chấm dứt hợp đồng lao động trái pháp luật\n\nLà trường hợp đơn phương chấm dứt hợp đồng lao động "
                              "không đúng quy định."}},
      {{"id", "41"}, {"text", "Nghĩa vụ của người sử dụng lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật\n\n1. Phải nhận "
                              "người lao động trở lại làm việc theo hợp đồng đã giao kết."}},
  });
  for (int i = 200; i < 350; ++i)
    labour.push_back({{"id", std::to_string(i)},
                      {"text", "Quản lý nhà nước số " + std::to_string(i) + "\n\nCơ quan nhà nước có thẩm quyền thực hiện việc quản lý theo quy "
                               "định của pháp luật, bảo đảm quyền lợi của người dân."}});
  nlohmann::json land = nlohmann::json::array({
      {{"id", "135"}, {"text", "Nguyên tắc cấp giấy chứng nhận quyền sử dụng đất\n\nGiấy chứng nhận được cấp theo từng thửa đất."}},
      {{"id", "137"}, {"text", "Cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình\n\nHộ gia đình đang sử dụng đất được cấp giấy chứng nhận."}},
      {{"id", "138"}, {"text", "Đính chính giấy chứng nhận\n\nCơ quan đã cấp giấy chứng nhận đính chính khi có sai sót."}},
  });
  return nlohmann::json::array({{{"id", "Bộ luật Lao động"}, {"articles", labour}}, {{"id", "Luật Đất đai"}, {"articles", land}}}).dump();
}

nlohmann::json item(const std::string& id, const std::string& question, const std::string& law, std::vector<std::string> articles) {
  nlohmann::json cited = nlohmann::json::array();
  for (const auto& a : articles) cited.push_back({{"law_id", law}, {"article_id", a}});
  return {{"id", id}, {"question", question}, {"answer", "Trả lời theo các điều được dẫn."}, {"relevant_articles", cited}};
}

std::string archive() {
  return nlohmann::json::array({
             item("1", "Công ty tống cổ tôi không báo trước có đúng không?", "Bộ luật Lao động", {"36", "39"}),
             item("2", "Tôi bị tống cổ vô cớ thì công ty phải làm gì?", "Bộ luật Lao động", {"41"}),
             item("3", "cty tong co em ma ko tra luong", "Bộ luật Lao động", {"39"}),
             item("4", "Sếp tống cổ nhân viên đang mang thai được không?", "Bộ luật Lao động", {"36"}),
             item("5", "Tôi muốn làm sổ đỏ cho mảnh đất bố mẹ để lại", "Luật Đất đai", {"135"}),
             item("6", "Sổ đỏ của tôi đứng tên cả hai vợ chồng được không?", "Luật Đất đai", {"137"}),
             item("7", "Nhà tôi chưa có sổ đỏ thì có bán được không?", "Luật Đất đai", {"135", "137"}),
             item("8", "Hộ gia đình xin cấp giấy chứng nhận thì nộp hồ sơ ở đâu?", "Luật Đất đai", {"137"}),
             item("9", "Mỗi thửa đất được cấp mấy giấy chứng nhận?", "Luật Đất đai", {"135"}),
         })
      .dump();
}

class VocabularySuggestionsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam(), [](core::Config& c) { c.rate_limits_enabled = false; });
    if (!server_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set: PostgreSQL tests need a server (make test starts one)";
    ASSERT_TRUE(import_beside(*server_, corpus(), "bo-luat.json"));
    db::ChangeFeed feed;
    consult::ArchiveImportOptions options;
    options.archive = "hoi-dap";
    options.publish = true;
    auto imported = consult::import_qa_archive(server_->database(), feed, archive(), options, core::now_unix());
    ASSERT_TRUE(imported) << imported.error().message;
    ASSERT_EQ(imported->published, 9u);
    server_->add_user("bientap@x.vn", auth::Role::editor);
    // The corpus was imported beside the server: its index learns of it from the change log.
    for (int i = 0; i < 100 && first_article("đơn phương chấm dứt hợp đồng lao động").empty(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  HttpClient editor() {
    auto c = server_->client();
    EXPECT_TRUE(c.login("bientap@x.vn", kPassword));
    return c;
  }
  // The suggestions page once the server has followed the change log to the imports.
  HttpResponse page_with(HttpClient& editor, const std::string& text) {
    HttpResponse page;
    for (int i = 0; i < 100; ++i) {
      page = editor.get("/quan-tri/tu-dien/goi-y");
      if (page.body.find(text) != std::string::npos) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return page;
  }
  // The article number of the first hit for `q`, "" for none.
  std::string first_article(const std::string& q) {
    auto hits = nlohmann::json::parse(server_->client().get("/api/v1/search?q=" + http::percent_encode(q)).body)["hits"];
    return hits.empty() ? "" : hits[0]["article"].get<std::string>();
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(VocabularySuggestionsTest, EditorsSeeWhatAnsweredQuestionsSuggestAndTakeIt) {
  auto editor_ = editor();
  auto page = page_with(editor_, "tống cổ → đơn phương chấm dứt hợp đồng lao động");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("tống cổ → đơn phương chấm dứt hợp đồng lao động"), std::string::npos) << page.body;
  // "cty tong co em …" does not count: without diacritics "co" is also "có", a question word.
  EXPECT_NE(page.body.find("3 câu hỏi, 3 điều luật được dẫn"), std::string::npos);
  EXPECT_NE(page.body.find("Sếp tống cổ nhân viên đang mang thai được không?"), std::string::npos) << "an example question";
  EXPECT_EQ(page.body.find("sổ đỏ →"), std::string::npos) << "the curated list has it already";

  auto api = editor_.get("/api/v1/thesaurus/suggestions");
  ASSERT_EQ(api.status, 200);
  auto j = nlohmann::json::parse(api.body);
  EXPECT_EQ(j["questions"], 9);
  ASSERT_FALSE(j["suggestions"].empty());
  EXPECT_EQ(j["suggestions"][0]["phrase"], "tống cổ");
  EXPECT_EQ(j["suggestions"][0]["terms"][0], "đơn phương chấm dứt hợp đồng lao động");

  // Taken as it stands: the search knows the word at once, and the suggestion is gone.
  const std::set<std::string> dismissal_articles = {"36", "39", "41"};
  auto taken = editor_.post_form("/quan-tri/tu-dien", {{"_csrf", editor_.csrf()}, {"tro-lai", "goi-y"}, {"phrase", "tống cổ"},
                                                       {"terms", "đơn phương chấm dứt hợp đồng lao động"}});
  ASSERT_EQ(taken.status, 303);
  EXPECT_EQ(taken.header("location"), "/quan-tri/tu-dien/goi-y?da-them=1");
  EXPECT_EQ(dismissal_articles.count(first_article("sếp tống cổ tôi")), 1u);
  EXPECT_EQ(dismissal_articles.count(first_article("sep tong co toi")), 1u) << "without diacritics too";
  EXPECT_EQ(editor_.get("/quan-tri/tu-dien/goi-y").body.find("tống cổ →"), std::string::npos);
  // A return address other than the suggestions is not followed.
  auto elsewhere = editor_.post_form("/quan-tri/tu-dien", {{"_csrf", editor_.csrf()}, {"tro-lai", "https://example.com"},
                                                           {"phrase", "nghỉ ốm"}, {"terms", "nghỉ việc hưởng chế độ ốm đau"}});
  EXPECT_EQ(elsewhere.header("location"), "/quan-tri/tu-dien?da-them=1");
}

TEST_P(VocabularySuggestionsTest, AnswersTheAskersFoundHelpfulAreAnsweredQuestionsToo) {
  const auto helpful = [&] { return answer::ReviewRepository(*server_->database().acquire()).helpful(10); };
  ASSERT_TRUE(helpful().empty());
  const auto feedback = [&](bool yes) {
    return server_->client().request("POST", "/api/v1/answer/feedback",
                                     nlohmann::json{{"question", "Công ty đơn phương chấm dứt hợp đồng lao động trái pháp luật"},
                                                    {"helpful", yes}}.dump(),
                                     {{"Content-Type", "application/json"}});
  };
  ASSERT_EQ(feedback(false).status, 201);
  EXPECT_TRUE(helpful().empty()) << "a no is not evidence";
  ASSERT_EQ(feedback(true).status, 201);
  auto rows = helpful();
  ASSERT_EQ(rows.size(), 1u);
  const auto& [question, document_id, article] = rows.front();
  EXPECT_EQ(question, "Công ty đơn phương chấm dứt hợp đồng lao động trái pháp luật");
  EXPECT_GT(document_id, 0);
  EXPECT_TRUE(article == "39" || article == "41") << article;
}

TEST_P(VocabularySuggestionsTest, ADismissedSuggestionDoesNotComeBack) {
  auto editor_ = editor();
  ASSERT_NE(page_with(editor_, "tống cổ →").body.find("tống cổ →"), std::string::npos);
  auto dismissed = editor_.post_form("/quan-tri/tu-dien/goi-y/bo-qua", {{"_csrf", editor_.csrf()}, {"phrase", "tống cổ"}});
  ASSERT_EQ(dismissed.status, 303);
  EXPECT_EQ(editor_.get("/quan-tri/tu-dien/goi-y").body.find("tống cổ →"), std::string::npos);
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM citizen_terms"), 0) << "dismissing adds nothing to the thesaurus";
  auto again = editor_.post_form("/quan-tri/tu-dien/goi-y/bo-qua", {{"_csrf", editor_.csrf()}, {"phrase", "Tong co"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("đã được bỏ qua trước đó"), std::string::npos);
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'thesaurus.dismiss'"), 1);
}

TEST_P(VocabularySuggestionsTest, BadInputGetsAVietnameseErrorAndOnlyEditorsSeeSuggestions) {
  auto editor_ = editor();
  for (const std::string phrase : {std::string(), std::string("   "), std::string(61, 'a')}) {
    auto bad = editor_.post_form("/quan-tri/tu-dien/goi-y/bo-qua", {{"_csrf", editor_.csrf()}, {"phrase", phrase}});
    EXPECT_EQ(bad.status, 422) << phrase;
    EXPECT_NE(bad.body.find("Gợi ý không hợp lệ: từ thường dùng phải có từ 1 đến 60 ký tự."), std::string::npos);
  }
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM citizen_term_dismissals"), 0);
  EXPECT_EQ(server_->client().get("/api/v1/thesaurus/suggestions").status, 401);
  server_->add_user("dan@x.vn", auth::Role::citizen);
  auto citizen = server_->client();
  ASSERT_TRUE(citizen.login("dan@x.vn", kPassword));
  EXPECT_EQ(citizen.get("/quan-tri/tu-dien/goi-y").status, 403);
  EXPECT_EQ(citizen.get("/api/v1/thesaurus/suggestions").status, 403);
  EXPECT_EQ(citizen.post_form("/quan-tri/tu-dien/goi-y/bo-qua", {{"_csrf", citizen.csrf()}, {"phrase", "tống cổ"}}).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, VocabularySuggestionsTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
