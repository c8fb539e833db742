// The legal bookshelf on both databases: import, re-import, all-or-nothing files, pages, API.
#include "library/library_service.h"
#include "support/fixtures.h"
#include "support/test_server.h"

#include <nlohmann/json.hpp>

namespace {

using namespace testing_support;

const char* kCorpus = R"([
  {"id": "91/2015/QH13", "articles": [
    {"id": "8", "text": "Căn cứ xác lập quyền dân sự\n\nQuyền dân sự được xác lập từ các căn cứ sau đây:\n1. Hợp đồng.\n2. Hành vi pháp lý đơn phương."},
    {"id": "9", "text": "Thực hiện quyền dân sự\n\n1. Cá nhân, pháp nhân thực hiện quyền dân sự theo ý chí của mình.\n2. Việc không thực hiện quyền dân sự không phải là căn cứ làm chấm dứt quyền."}]},
  {"id": "Luật Cư trú", "articles": [
    {"id": "2", "text": "Giải thích từ ngữ\n\nTrong Luật này, các từ ngữ dưới đây được hiểu như sau:\n1. Chỗ ở hợp pháp là nơi được sử dụng để sinh sống.\na) Nhà ở;\nb) Tàu, thuyền."}]}
])";

class LibraryTest : public BackendTest {
 protected:
  library::FileReport import(const std::string& text, const std::string& name = "corpus.json") {
    library::LibraryService service(database(), changes_);
    return service.import_file(text, name, {std::nullopt, "test"});
  }
  std::int64_t count(const std::string& sql) { return database().acquire()->query_int(sql); }
  db::ChangeFeed changes_;
};

TEST_P(LibraryTest, ImportStoresDocumentsArticlesAndClauses) {
  auto report = import(kCorpus);
  ASSERT_TRUE(report.ok()) << report.error->message;
  EXPECT_EQ(report.format, "alqac-json");
  ASSERT_EQ(report.documents.size(), 2u);
  EXPECT_TRUE(report.documents[0].created);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_documents"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_nodes WHERE kind = 'dieu'"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_nodes WHERE kind = 'khoan'"), 5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_nodes WHERE kind = 'diem'"), 2);
  auto c = database().acquire();
  auto row = c->query_one("SELECT d.identity, n.source_ref, n.anchor FROM legal_nodes n JOIN legal_documents d ON d.id = n.document_id "
                          "WHERE n.kind = 'dieu' ORDER BY n.id LIMIT 1");
  EXPECT_EQ(row->text(0), "so:91/2015/qh13");
  EXPECT_EQ(row->text(1), "8");
  EXPECT_EQ(row->text(2), "dieu-8");
}

TEST_P(LibraryTest, ImportingAgainUpdatesInsteadOfDuplicating) {
  ASSERT_TRUE(import(kCorpus).ok());
  auto again = import(kCorpus);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.documents[0].created);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_documents"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_nodes WHERE kind = 'dieu'"), 3);
  // The same số hiệu written differently is the same document.
  auto other = import(R"([{"id": "91-2015-qh13", "articles": [{"id": "1", "text": "Phạm vi điều chỉnh\n\nBộ luật này quy định."}]}])");
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other.documents[0].created);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_documents"), 2);
}

TEST_P(LibraryTest, ABrokenFileStoresNothing) {
  auto report = import(R"([{"id": "Luật A", "articles": [{"id": "1", "text": "T\n\nB"}]}, {"id": "Luật B", "articles": [{"id": "1"}]}])");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error->where, "trường [1].articles[0].text");
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_documents"), 0) << "nothing of the file is half-imported";
}

TEST_P(LibraryTest, ImportIsAnnouncedOnTheChangeFeedAndAudited) {
  std::vector<std::string> topics;
  changes_.add_listener([&](const std::string& t) { topics.push_back(t); });
  auto report = import(kCorpus);
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_EQ(topics[0], "library:" + std::to_string(report.documents[0].id));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'library.import'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, LibraryTest, ::testing::ValuesIn(backends()), backend_name);

class LibraryHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>("sqlite");
    db::ChangeFeed feed;
    library::LibraryService service(server_->database(), feed);
    ASSERT_TRUE(service.import_file(kCorpus, "corpus.json", {std::nullopt, "test"}).ok());
    ASSERT_TRUE(service.import_file("Nghị định này hướng dẫn Bộ luật 91/2015/QH13.\nĐiều 1. Phạm vi\nHướng dẫn thi hành Bộ luật số 91/2015/QH13.\n",
                                    "huong-dan.txt", {std::nullopt, "test"}).ok());
  }
  std::unique_ptr<TestServer> server_;
};

TEST_F(LibraryHttpTest, BrowseDocumentAndArticlePages) {
  auto c = server_->client();
  auto index = c.get("/van-ban");
  ASSERT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("Luật Cư trú"), std::string::npos);
  auto docs = nlohmann::json::parse(c.get("/api/v1/documents?limit=10").body);
  std::string slug;
  for (const auto& d : docs["items"])
    if (d["number"] == "91/2015/QH13") slug = d["slug"];
  ASSERT_FALSE(slug.empty());
  auto doc = c.get("/van-ban/" + slug);
  EXPECT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find("id=\"dieu-8\""), std::string::npos);
  EXPECT_NE(doc.body.find("id=\"dieu-8-khoan-2\""), std::string::npos);
  auto article = c.get("/van-ban/" + slug + "/dieu-8");
  ASSERT_EQ(article.status, 200);
  EXPECT_NE(article.body.find("Điều 8. Căn cứ xác lập quyền dân sự"), std::string::npos);
  EXPECT_NE(article.body.find("id=\"khoan-2\""), std::string::npos);
  EXPECT_NE(article.body.find("rel=\"next\""), std::string::npos);
  EXPECT_EQ(c.get("/van-ban/" + slug + "/dieu-999").status, 404);
  EXPECT_EQ(c.get("/van-ban/khong-co").status, 404);
}

TEST_F(LibraryHttpTest, CitedNumbersBecomeLinksAndRelationsShow) {
  auto c = server_->client();
  auto docs = nlohmann::json::parse(c.get("/api/v1/documents?limit=10").body);
  std::string code_url, guide_url;
  for (const auto& d : docs["items"]) {
    if (d["number"] == "91/2015/QH13") code_url = d["url"];
    if (d["source"]["id"] == "huong-dan.txt") guide_url = d["url"];
  }
  auto guide = c.get(guide_url);
  EXPECT_NE(guide.body.find("<a href=\"" + code_url + "\">91/2015/QH13</a>"), std::string::npos);
  auto code = c.get(code_url);
  EXPECT_NE(code.body.find("Hướng dẫn, quy định chi tiết văn bản này"), std::string::npos);
}

TEST_F(LibraryHttpTest, DocumentsApiFollowsTheConventions) {
  auto c = server_->client();
  auto list = nlohmann::json::parse(c.get("/api/v1/documents?limit=1&offset=0").body);
  EXPECT_EQ(list["total"], 3);
  EXPECT_EQ(list["items"].size(), 1u);
  EXPECT_TRUE(list["items"][0]["id"].is_string());
  EXPECT_EQ(c.get("/api/v1/documents?type=Lu%E1%BA%ADt").status, 400);
  EXPECT_EQ(c.get("/api/v1/documents?limit=500").status, 400);
  EXPECT_EQ(c.get("/api/v1/documents?year=abc").status, 400);
  auto all = nlohmann::json::parse(c.get("/api/v1/documents").body);
  std::string id;
  for (const auto& d : all["items"])
    if (d["number"] == "91/2015/QH13") id = d["id"];
  auto detail = nlohmann::json::parse(c.get("/api/v1/documents/" + id).body);
  ASSERT_EQ(detail["tree"].size(), 2u);
  EXPECT_EQ(detail["tree"][0]["kind"], "dieu");
  EXPECT_EQ(detail["tree"][0]["source_ref"], "8");
  EXPECT_EQ(detail["tree"][0]["children"][1]["text"], "2. Hành vi pháp lý đơn phương.");
  EXPECT_EQ(c.get("/api/v1/documents/999999").status, 404);
}

}  // namespace
