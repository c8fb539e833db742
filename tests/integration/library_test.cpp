// The legal bookshelf on both databases: import, re-import, all-or-nothing files, pages, API.
#include "http/message.h"
#include "library/citation_resolver.h"
#include "library/library_service.h"
#include "support/fixtures.h"
#include "support/test_server.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

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

// The Civil Code as a corpus names it ("Bộ luật dân sự", no số hiệu), as the codes name it (with
// its số hiệu and year), and an older law with the same title and other texts.
std::string civil_code_file(const std::string& id, const std::string& extra = "") {
  std::string articles;
  for (int i = 1; i <= 6; ++i)
    articles += std::string(i > 1 ? "," : "") + R"({"id": ")" + std::to_string(i) + R"(", "text": "Điều khoản )" + std::to_string(i) +
                R"(\n\nCá nhân, pháp nhân xác lập, thực hiện quyền, nghĩa vụ dân sự của mình trên cơ sở tự do, tự nguyện cam kết, thỏa thuận)" + extra + R"("})";
  return R"([{"id": ")" + id + R"(", "articles": [)" + articles + "]}]";
}

TEST_P(LibraryTest, OneLawFromTwoSourcesIsOneDocumentThatEitherSourceNames) {
  ASSERT_TRUE(import(civil_code_file("Bộ luật dân sự"), "alqac.json").ok());
  auto code = import(civil_code_file("91/2015/QH13", "."), "codes.json");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_documents"), 1) << "the copy without số hiệu became the numbered one";
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_nodes WHERE kind = 'dieu'"), 6);
  auto c = database().acquire();
  auto doc = c->query_one("SELECT id, number, source_id, identity FROM legal_documents");
  EXPECT_EQ(doc->text(1), "91/2015/QH13");
  EXPECT_EQ(doc->text(2), "Bộ luật dân sự") << "the first source stays the document's";
  EXPECT_EQ(doc->text(3), "so:91/2015/qh13");
  // Either source's id finds it, as citations of archives and question banks name laws.
  library::DocumentLookup lookup(*c);
  EXPECT_EQ(lookup.find("Bộ luật dân sự"), doc->int64(0));
  EXPECT_EQ(lookup.find("91/2015/QH13"), doc->int64(0));
  // Importing the first source again records it again, and nothing else.
  auto again = import(civil_code_file("Bộ luật dân sự"), "alqac.json");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.documents[0].created);
  EXPECT_NE(again.documents[0].notes.back().find("ghi nhận thêm nguồn"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_documents"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_document_sources"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'library.source'"), 1);
  // An older code of the same title, with other texts, is another document.
  std::string old_code = R"([{"id": "Bộ luật dân sự 2005", "articles": [{"id": "1", "text": "Nhiệm vụ\n\nBộ luật dân sự quy định địa vị pháp lý"},
    {"id": "2", "text": "Hiệu lực\n\nBộ luật này có hiệu lực"}, {"id": "3", "text": "Áp dụng\n\nQuan hệ dân sự được áp dụng tập quán"}]}])";
  ASSERT_TRUE(import(old_code, "cu.json").ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_documents"), 2);
}

TEST_P(LibraryTest, ATwinWithoutSoHieuArrivingLaterJoinsTheNumberedDocument) {
  ASSERT_TRUE(import(civil_code_file("91/2015/QH13"), "codes.json").ok());
  auto corpus = import(civil_code_file("Bộ luật dân sự"), "alqac.json");
  ASSERT_TRUE(corpus.ok());
  EXPECT_FALSE(corpus.documents[0].created);
  EXPECT_EQ(count("SELECT COUNT(*) FROM legal_documents"), 1);
  auto c = database().acquire();
  EXPECT_EQ(library::DocumentLookup(*c).find("Bộ luật dân sự"), c->query_int("SELECT id FROM legal_documents"));
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

TEST_F(LibraryHttpTest, ArticleCitationsLinkToTheCitedArticleAndClause) {
  db::ChangeFeed feed;
  library::LibraryService service(server_->database(), feed);
  auto report = service.import_file(
      "Luật số: 99/2026/QH15\nLUẬT\nTHỬ NGHIỆM\nĐiều 1. Phạm vi\n1. Khoản một.\n2. Khoản hai.\n"
      "Điều 2. Áp dụng\nThực hiện theo khoản 2 Điều 1 Luật này và Điều 8 của Bộ luật số 91/2015/QH13; Điều 77 Luật này không có.\n",
      "thu-nghiem.txt", {std::nullopt, "test"});
  ASSERT_TRUE(report.ok());
  std::string slug = report.documents[0].slug;
  auto page = server_->client().get("/van-ban/" + slug + "/dieu-2");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<a href=\"/van-ban/" + slug + "/dieu-1#khoan-2\">khoản 2 Điều 1 Luật này</a>"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("/dieu-8\">Điều 8 của Bộ luật số 91/2015/QH13</a>"), std::string::npos);
  EXPECT_EQ(page.body.find("dieu-77"), std::string::npos) << "no link to an article that does not exist";
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

TEST_F(LibraryHttpTest, LibrariansImportFilesAndAddItemsThroughTheBackOffice) {
  server_->add_user("bt@x.vn", auth::Role::editor);
  server_->add_user("dan@x.vn", auth::Role::citizen);
  HttpClient citizen = server_->client();
  ASSERT_TRUE(citizen.login("dan@x.vn", kPassword));
  EXPECT_EQ(citizen.get("/quan-tri/thu-vien").status, 403);

  HttpClient editor = server_->client();
  ASSERT_TRUE(editor.login("bt@x.vn", kPassword));
  ASSERT_EQ(editor.get("/quan-tri/thu-vien").status, 200);
  auto imported = editor.post_multipart("/quan-tri/thu-vien/nhap", {{"_csrf", editor.csrf()}}, "files", "thong-tu.txt",
                                        "THÔNG TƯ\nHƯỚNG DẪN THI HÀNH\nĐiều 1. Phạm vi\nNội dung.\nĐiều 2. Hiệu lực\nThi hành.\n");
  EXPECT_EQ(imported.status, 200);
  EXPECT_NE(imported.body.find("2 điều"), std::string::npos);
  auto broken = editor.post_multipart("/quan-tri/thu-vien/nhap", {{"_csrf", editor.csrf()}}, "files", "hong.json", "[{\"id\": ");
  EXPECT_EQ(broken.status, 422);
  EXPECT_NE(broken.body.find("Không có nội dung nào của tệp này được lưu"), std::string::npos);

  auto disguised = editor.post_multipart("/quan-tri/thu-vien/tai-lieu", {{"_csrf", editor.csrf()}, {"kind", "book"}, {"title", "Sách giả"}},
                                         "file", "sach.pdf", "MZ\x90\x00 not a pdf");
  EXPECT_EQ(disguised.status, 422);
  EXPECT_NE(disguised.body.find("Chỉ nhận tệp PDF"), std::string::npos);
  EXPECT_NE(disguised.body.find("value=\"Sách giả\""), std::string::npos) << "the form keeps what was typed";

  std::string pdf = "%PDF-1.4\n% tài liệu mẫu\n%%EOF\n";
  // Fields come from the list shared with consultation and statistics.
  auto unlisted = editor.post_multipart("/quan-tri/thu-vien/tai-lieu",
                                        {{"_csrf", editor.csrf()}, {"kind", "outline"}, {"title", "Đề cương"}, {"fields", "Thiên văn"}},
                                        "file", "de-cuong.pdf", pdf);
  EXPECT_EQ(unlisted.status, 422);
  EXPECT_NE(unlisted.body.find("Lĩnh vực «Thiên văn» không có trong danh sách lĩnh vực."), std::string::npos);
  auto added = editor.post_multipart("/quan-tri/thu-vien/tai-lieu",
                                     {{"_csrf", editor.csrf()}, {"kind", "outline"}, {"title", "Đề cương giới thiệu Luật Cư trú"},
                                      {"summary", "Tài liệu cho báo cáo viên"}, {"fields", "Cư trú, hộ tịch"}},
                                     "file", "de-cuong.pdf", pdf);
  ASSERT_EQ(added.status, 303) << added.body;
  auto page = server_->client().get(*added.header("location"));
  ASSERT_EQ(page.status, 200);
  auto at = page.body.find("/tep/");
  ASSERT_NE(at, std::string::npos);
  std::string url = page.body.substr(at, page.body.find('"', at) - at);
  auto file = server_->client().get(url);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.header("content-type"), "application/pdf");
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(server_->client().get("/tep/1/khac.pdf").status, 404);
}

}  // namespace

namespace {

using namespace testing_support;

// Editors extend the citizen vocabulary; search uses an entry at once, and forgets it when removed.
TEST_F(LibraryHttpTest, EditorsTeachSearchTheWordsCitizensUse) {
  auto total = [&](const std::string& q) {
    return nlohmann::json::parse(server_->client().get("/api/v1/search?q=" + http::percent_encode(q)).body)["total"].get<int>();
  };
  // The corpus was imported beside the server: its index learns of it from the change log.
  for (int i = 0; i < 100 && total("chỗ ở hợp pháp") == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_GT(total("chỗ ở hợp pháp"), 0);
  EXPECT_EQ(total("ngả lưng"), 0) << "words the law never uses";
  server_->add_user("bientap@x.vn", auth::Role::editor);
  auto editor = server_->client();
  ASSERT_TRUE(editor.login("bientap@x.vn", kPassword));
  ASSERT_EQ(editor.get("/quan-tri/tu-dien").status, 200);
  auto bad = editor.post_form("/quan-tri/tu-dien", {{"_csrf", editor.csrf()}, {"phrase", "x"}, {"terms", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Từ thường dùng phải có từ 2 đến 60 ký tự"), std::string::npos);
  EXPECT_NE(bad.body.find("Ghi từ 1 đến 5 thuật ngữ pháp luật"), std::string::npos);
  ASSERT_EQ(editor.post_form("/quan-tri/tu-dien", {{"_csrf", editor.csrf()}, {"phrase", "Ngả lưng"}, {"terms", "chỗ ở hợp pháp; nơi sinh sống"}}).status, 303);
  EXPECT_EQ(editor.post_form("/quan-tri/tu-dien", {{"_csrf", editor.csrf()}, {"phrase", "nga lung"}, {"terms", "chỗ ở"}}).status, 409)
      << "the same phrase without diacritics";
  EXPECT_GT(total("ngả lưng"), 0);
  EXPECT_GT(total("nga lung o dau"), 0) << "without diacritics too";
  auto page = editor.get("/quan-tri/tu-dien");
  EXPECT_NE(page.body.find("<strong>Ngả lưng</strong> → chỗ ở hợp pháp; nơi sinh sống"), std::string::npos);
  const auto id = server_->database().acquire()->query_int("SELECT id FROM citizen_terms");
  ASSERT_EQ(editor.post_form("/quan-tri/tu-dien/" + std::to_string(id) + "/xoa", {{"_csrf", editor.csrf()}}).status, 303);
  EXPECT_EQ(total("ngả lưng"), 0);
  EXPECT_EQ(server_->database().acquire()->query_int("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'thesaurus.%'"), 2);
  // Citizens do not edit it.
  server_->add_user("dan@x.vn", auth::Role::citizen);
  auto citizen = server_->client();
  ASSERT_TRUE(citizen.login("dan@x.vn", kPassword));
  EXPECT_EQ(citizen.post_form("/quan-tri/tu-dien", {{"_csrf", citizen.csrf()}, {"phrase", "ngả lưng"}, {"terms", "chỗ ở"}}).status, 403);
}

}  // namespace
