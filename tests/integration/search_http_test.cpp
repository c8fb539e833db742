// GET /api/v1/search and /tra-cuu over HTTP: the response contract, bad input, and an index
// that follows imports made while the server runs.
#include "library/library_service.h"
#include "support/test_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

namespace {

using namespace testing_support;

const char* kCorpus = R"([
  {"id": "Luật Đất đai", "articles": [
    {"id": "3", "text": "Giải thích từ ngữ\n\n1. Quyền sử dụng đất là quyền của người sử dụng đất đối với thửa đất.\n2. Chuyển quyền sử dụng đất là việc chuyển giao quyền sử dụng đất."},
    {"id": "45", "text": "Điều kiện thực hiện quyền của người sử dụng đất\n\nNgười sử dụng đất được thực hiện quyền khi có giấy chứng nhận <b>hợp lệ</b>."}]},
  {"id": "15/2020/NĐ-CP", "articles": [
    {"id": "1", "text": "Phạm vi điều chỉnh\n\nNghị định này quy định về xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông."}]}
])";

class SearchHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>("sqlite");
    import(kCorpus, "corpus.json");
    wait_for([&] { return search("quyen su dung dat")["total"].get<int>() > 0; });
  }
  void import(const std::string& text, const std::string& name) {
    db::ChangeFeed feed;  // like `phobien import` in another process: the server learns from the change log
    library::LibraryService service(server_->database(), feed);
    ASSERT_TRUE(service.import_file(text, name, {std::nullopt, "test"}).ok());
  }
  nlohmann::json search(const std::string& q, const std::string& extra = "") {
    auto r = server_->client().get("/api/v1/search?q=" + url_encode(q) + extra);
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body);
  }
  static void wait_for(const std::function<bool()>& ok) {
    for (int i = 0; i < 100 && !ok(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_TRUE(ok()) << "the index did not follow the import";
  }
  std::unique_ptr<TestServer> server_;
};

TEST_F(SearchHttpTest, HitsFollowTheContract) {
  auto r = search("quyền sử dụng đất");
  ASSERT_GE(r["total"].get<int>(), 1);
  EXPECT_TRUE(r["took_ms"].is_number());
  const auto& h = r["hits"][0];
  EXPECT_TRUE(h["document_id"].is_string());
  EXPECT_EQ(h["document_title"], "Luật Đất đai") << "the ALQAC id verbatim";
  EXPECT_EQ(h["article"], "3");
  EXPECT_EQ(h["title"], "Giải thích từ ngữ");
  EXPECT_EQ(h["match"], "text");
  EXPECT_EQ(h["source_ref"]["corpus_id"], "Luật Đất đai");
  EXPECT_EQ(h["source_ref"]["article_id"], "3");
  EXPECT_TRUE(h["url"].get<std::string>().ends_with("/dieu-3"));
  EXPECT_EQ(server_->client().get(h["url"].get<std::string>()).status, 200) << "the hit's URL is a real page";
  EXPECT_TRUE(r["suggestion"].is_null()) << "no suggestion for a query with diacritics";
}

TEST_F(SearchHttpTest, SnippetsAreEscapedWithOnlyMarkTags) {
  auto r = search("giấy chứng nhận hợp lệ");
  std::string snippet = r["hits"][0]["snippet"];
  EXPECT_NE(snippet.find("<mark>"), std::string::npos);
  EXPECT_NE(snippet.find("&lt;b&gt;"), std::string::npos) << snippet;
  std::string without_marks = snippet;
  for (const char* tag : {"<mark>", "</mark>"})
    for (auto p = without_marks.find(tag); p != std::string::npos; p = without_marks.find(tag)) without_marks.erase(p, std::string(tag).size());
  EXPECT_EQ(without_marks.find('<'), std::string::npos) << snippet;
}

TEST_F(SearchHttpTest, UnaccentedQueriesGetTheAccentedSuggestion) {
  auto r = search("quyen su dung dat");
  EXPECT_EQ(r["suggestion"], "quyền sử dụng đất");
  EXPECT_EQ(r["hits"][0]["source_ref"]["article_id"], "3");
}

TEST_F(SearchHttpTest, CitationsAndNumbersGoStraightToTheirTarget) {
  auto c = search("khoản 1 điều 45 luật đất đai");
  EXPECT_EQ(c["hits"][0]["match"], "citation");
  EXPECT_EQ(c["hits"][0]["article"], "45");
  auto n = search("15/2020/nd-cp");
  EXPECT_EQ(n["hits"][0]["match"], "number");
  EXPECT_EQ(n["hits"][0]["document_number"], "15/2020/NĐ-CP");
}

TEST_F(SearchHttpTest, BadInputGetsAJsonError) {
  auto c = server_->client();
  for (const std::string& target : std::vector<std::string>{"/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=dat&limit=0",
                                   "/api/v1/search?q=dat&limit=101", "/api/v1/search?q=dat&offset=-1",
                                   "/api/v1/search?q=dat&type=Lu%E1%BA%ADt", "/api/v1/search?q=" + std::string(1200, 'a')}) {
    auto r = c.get(target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "invalid_parameter") << target;
  }
  EXPECT_EQ(c.get("/api/v1/search?q=%FF").status, 400);
  auto hostile = search("\"<script>alert(1)</script>\" OR 1=1; DROP TABLE legal_nodes; --");
  EXPECT_TRUE(hostile["hits"].is_array());
}

TEST_F(SearchHttpTest, TheIndexFollowsImportsWithoutARestart) {
  EXPECT_EQ(search("nghiện ma túy")["total"], 0);
  import(R"([{"id": "Luật Phòng, chống ma túy", "articles": [{"id": "28", "text": "Cai nghiện ma túy tự nguyện\n\nNgười nghiện ma túy tự nguyện cai nghiện."}]}])", "ma-tuy.json");
  wait_for([&] { return search("nghiện ma túy")["total"].get<int>() > 0; });
  EXPECT_EQ(search("nghiện ma túy")["hits"][0]["article"], "28");
}

TEST_F(SearchHttpTest, SearchPageWorksWithoutJavaScript) {
  auto page = server_->client().get("/tra-cuu?q=quyen+su+dung+dat");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Có phải bạn muốn tìm"), std::string::npos);
  EXPECT_NE(page.body.find("Giải thích từ ngữ"), std::string::npos);
  EXPECT_EQ(server_->client().get("/tra-cuu?q=dat&trang=0").status, 400);
  EXPECT_EQ(server_->client().get("/tra-cuu").status, 200);
}

}  // namespace
