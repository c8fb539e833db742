// Each import format, recognised by content, and hostile files that must be refused cleanly.
#include "core/utf8.h"
#include "library/importers.h"
#include "support/gzip.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace library {

namespace {
ParsedFile ok(std::variant<ParsedFile, ParseError> r) {
  if (auto* e = std::get_if<ParseError>(&r)) {
    ADD_FAILURE() << e->where << ": " << e->message;
    return {};
  }
  return std::get<ParsedFile>(std::move(r));
}
ParseError failed(std::variant<ParsedFile, ParseError> r) {
  EXPECT_TRUE(std::holds_alternative<ParseError>(r)) << "expected the file to be refused";
  return std::holds_alternative<ParseError>(r) ? std::get<ParseError>(r) : ParseError{"", "(no error)"};
}
}  // namespace

TEST(Importers, AlqacJsonKeepsIdsVerbatimAndFindsClauses) {
  auto f = ok(parse_source(R"([{"id": "91/2015/QH13", "articles": [
      {"id": "8", "text": "Căn cứ xác lập quyền dân sự\n\nQuyền dân sự được xác lập từ các căn cứ sau đây:\n1. Hợp đồng.\n2. Hành vi pháp lý đơn phương."},
      {"id": "9", "text": "Thực hiện quyền dân sự\n\nCá nhân thực hiện quyền."}]},
    {"id": "Luật Cư trú", "articles": [{"id": "2", "text": "Giải thích từ ngữ\n\nNội dung."}]}])", "a.json"));
  EXPECT_EQ(f.format, SourceFormat::alqac_json);
  ASSERT_EQ(f.documents.size(), 2u);
  EXPECT_EQ(f.documents[0].meta.number, "91/2015/QH13") << "an id shaped like a number is the số hiệu";
  EXPECT_EQ(f.documents[0].meta.title, "91/2015/QH13");
  EXPECT_EQ(f.documents[1].meta.number, "");
  EXPECT_EQ(f.documents[1].meta.source_id, "Luật Cư trú");
  const auto& art = f.documents[0].tree.at(0);
  EXPECT_EQ(art.number, "8");
  EXPECT_EQ(art.source_ref, "8");
  EXPECT_EQ(art.title, "Căn cứ xác lập quyền dân sự");
  EXPECT_EQ(art.children.size(), 2u);
}

TEST(Importers, AlqacArticlesWithoutTitlesKeepTheirWholeText) {
  auto f = ok(parse_source(R"([{"id": "Hiến pháp", "articles": [
      {"id": "1", "text": "Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước độc lập, có chủ quyền."},
      {"id": "2", "text": "1. Nhà nước pháp quyền.\n\n2. Nhân dân làm chủ."}]}])", "hp.json"));
  const auto& a1 = f.documents[0].tree.at(0);
  EXPECT_EQ(a1.title, "");
  EXPECT_EQ(a1.text, "Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước độc lập, có chủ quyền.");
  const auto& a2 = f.documents[0].tree.at(1);
  EXPECT_EQ(a2.title, "");
  EXPECT_EQ(a2.children.size(), 2u);
}

TEST(Importers, AlqacTitlesWithoutABlankLineAreTitlesToo) {
  // Luật Hôn nhân và gia đình and Luật Du lịch put the body on the line after the title.
  auto f = ok(parse_source(R"([{"id": "Luật Hôn nhân và gia đình", "articles": [
      {"id": "33", "text": "Tài sản chung của vợ chồng\n1. Tài sản chung của vợ chồng gồm tài sản do vợ, chồng tạo ra.\n2. Quyền sử dụng đất."},
      {"id": "34", "text": "Đăng ký quyền sở hữu\nTrong trường hợp tài sản thuộc sở hữu chung của vợ chồng."}]}])", "hngd.json"));
  const auto& a33 = f.documents[0].tree.at(0);
  EXPECT_EQ(a33.title, "Tài sản chung của vợ chồng");
  EXPECT_EQ(a33.children.size(), 2u);
  const auto& a34 = f.documents[0].tree.at(1);
  EXPECT_EQ(a34.title, "Đăng ký quyền sở hữu");
  EXPECT_EQ(a34.text, "Trong trường hợp tài sản thuộc sở hữu chung của vợ chồng.");
}

TEST(Importers, MarkdownFrontMatterInBothSpellings) {
  std::string a = "---\ntitle: \"Nghị định 15/2020/NĐ-CP\"\nsohieu: 15/2020/NĐ-CP\nngaybanhanh: 03/02/2020\nloaivanban: Nghị định\n---\n"
                  "## Chương I\n### Điều 1. Phạm vi\nNội dung.\n#### Điều 2. Đối tượng\n1. Cá nhân.\n";
  std::string b = "---\ntitle: Thông tư mẫu\nso_hieu: \"47/2026/TT-BCA\"\nngay_hieu_luc: 2026-07-01\n---\n# THÔNG TƯ\n## Điều 1. Ban hành\nText\n";
  auto fa = ok(parse_source(a, "a.md"));
  EXPECT_EQ(fa.format, SourceFormat::markdown);
  EXPECT_EQ(fa.documents[0].meta.number, "15/2020/NĐ-CP");
  EXPECT_EQ(fa.documents[0].meta.issued_on, "2020-02-03");
  EXPECT_EQ(count_nodes(fa.documents[0].tree).articles, 2u);
  EXPECT_EQ(count_nodes(fa.documents[0].tree).chapters, 1u);
  auto fb = ok(parse_source(b, "b.md"));
  EXPECT_EQ(fb.documents[0].meta.number, "47/2026/TT-BCA");
  EXPECT_EQ(fb.documents[0].meta.effective_on, "2026-07-01");
}

TEST(Importers, PlainTextFindsTitleNumberDateAndStructure) {
  std::string text =
      "QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLuật số: 68/2020/QH14\nHà Nội, ngày 13 tháng 11 năm 2020\n"
      "LUẬT\nCƯ TRÚ\nCăn cứ Hiến pháp;\nChương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định.\n"
      "Điều 2. Giải thích từ ngữ\n1. Chỗ ở hợp pháp.\n2. Cư trú.\n";
  auto f = ok(parse_source(text, "cu-tru.txt"));
  EXPECT_EQ(f.format, SourceFormat::text);
  const auto& m = f.documents[0].meta;
  EXPECT_EQ(m.number, "68/2020/QH14");
  EXPECT_EQ(m.issued_on, "2020-11-13");
  EXPECT_EQ(m.doc_type, "Luật");
  EXPECT_EQ(m.title, "Luật cư trú");
  EXPECT_EQ(count_nodes(f.documents[0].tree).articles, 2u);
}

TEST(Importers, GzipIsRecognisedByContent) {
  auto f = ok(parse_source(gzip(R"([{"id": "X", "articles": [{"id": "1", "text": "T\n\nB"}]}])"), "noi-dung.bin"));
  EXPECT_EQ(f.format, SourceFormat::alqac_json);
}

TEST(Importers, TruncatedJsonIsRefusedWithItsLine) {
  auto e = failed(parse_source("[{\"id\": \"X\",\n \"articles\": [{\"id\": \"1\", \"text\": \"abc", "cut.json"));
  EXPECT_EQ(e.where, "dòng 2");
}

TEST(Importers, WrongEncodingIsRefusedWithItsLine) {
  // "Điều 1" in Windows-1258 / TCVN3-like bytes: not UTF-8.
  auto e = failed(parse_source("Dòng một\n\xD0i\xEA\xF9u 1. Ph\xE1m vi\n", "cp1258.txt"));
  EXPECT_EQ(e.where, "dòng 2");
  EXPECT_NE(e.message.find("UTF-8"), std::string::npos);
}

TEST(Importers, DeeplyNestedJsonIsRefusedBeforeParsing) {
  std::string deep(100000, '[');
  auto e = failed(parse_source(deep, "deep.json"));
  EXPECT_NE(e.message.find("lồng nhau quá sâu"), std::string::npos);
}

TEST(Importers, AFiftyMegabyteLineIsHandled) {
  std::string text = "Điều 1. Một dòng rất dài\n" + std::string(50 * 1024 * 1024, 'a') + "\nĐiều 2. Tiếp\nNội dung.\n";
  auto f = ok(parse_source(text, "long.txt"));
  EXPECT_EQ(count_nodes(f.documents[0].tree).articles, 2u);
}

TEST(Importers, WrongShapesNameTheField) {
  EXPECT_EQ(failed(parse_source(R"([{"id": "X", "articles": {}}])", "a.json")).where, "trường [0].articles");
  EXPECT_EQ(failed(parse_source(R"([{"id": "X", "articles": [{"id": "1"}]}])", "a.json")).where, "trường [0].articles[0].text");
  EXPECT_EQ(failed(parse_source(R"({"metadata": {}, "raw_text": "x"})", "c.json")).where, "trường tree");
  EXPECT_EQ(failed(parse_source("", "empty.txt")).message, "tệp rỗng");
  EXPECT_NE(failed(parse_source(std::string("%PDF-1.4\0\x01\x02", 11), "a.pdf")).message.find("nhị phân"), std::string::npos);
  std::string bomb = gzip(std::string(10, 'x'));
  bomb[bomb.size() / 2] ^= 0x55;
  EXPECT_FALSE(std::holds_alternative<ParsedFile>(parse_source(bomb, "broken.gz")));
}

TEST(Importers, ALongFirstLineBecomesATitleOfWholeCharacters) {
  // Found by fuzz/library_import_fuzz.cpp: a plain-text file whose first line is the title was cut
  // at byte 300, inside "ấ" here, which left a title that is not UTF-8.
  const std::string crash = R"(Phần thứ nụng cụ dùng vào việc sản xuất ha đồng; phòng,cai nghõi, gcai nghiện ma túy hòa nhập cộng ; phòng, chống tái nghiện ma túy.\n\n5. Cung thất Cung cấp kịp thấtthấtphòng, chống tái nghiện ma túy.\n\n5. Cung thất Cung cấp kịp thấtthất)";
  auto f = ok(parse_source(crash, "crash.txt"));
  ASSERT_EQ(f.documents.size(), 1u);
  EXPECT_TRUE(core::is_valid_utf8(f.documents[0].meta.title));
  EXPECT_TRUE(crash.starts_with(f.documents[0].meta.title));
  auto g = ok(parse_source(std::string(299, 'a') + "ầb c\n", "a.txt"));
  EXPECT_EQ(g.documents[0].meta.title, std::string(299, 'a') + "ầ") << "at most 300 characters";
}

TEST(Importers, JsonThatNlohmannRefusesOtherwiseIsAParseErrorNotAnException) {
  // Found by fuzz/library_import_fuzz.cpp: "[2e600" made nlohmann throw out_of_range (a number no
  // double holds), which escaped parse_source: `phobien import` stopped at the file, the back office
  // answered 500.
  EXPECT_EQ(failed(parse_source("[2e600", "a.json")).message, "JSON không hợp lệ: có số quá lớn");
  // The same escape through a structured code's tree of the wrong types (type_error).
  for (std::string tree : {R"({"node_type": "root", "children": [5]})", R"({"node_type": 1})",
                           R"({"node_type": "điều", "content": {"start": "0", "end": 2}})"})
    EXPECT_EQ(failed(parse_source(R"({"metadata": {"ten_van_ban": "x"}, "raw_text": "abc", "tree": )" + tree + "}", "c.json")).where, "tree")
        << tree;
}

TEST(Importers, DatesInEveryShape) {
  EXPECT_EQ(iso_date("24/11/2015"), "2015-11-24");
  EXPECT_EQ(iso_date("2026-07-01"), "2026-07-01");
  EXPECT_EQ(iso_date("Hà Nội, ngày 13 tháng 11 năm 2020"), "2020-11-13");
  EXPECT_EQ(iso_date("20/6/2026 (cùng ngày ký)"), "2026-06-20");
  EXPECT_EQ(iso_date("không rõ"), "");
  EXPECT_EQ(iso_date("31/13/2020"), "");
}

TEST(Importers, EverySharedFileImports) {
  auto data = testing_support::shared_data_dir();
  if (!data) GTEST_SKIP() << "../shared/data is not present";
  std::size_t files = 0, articles = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(*data / "legal")) {
    auto name = e.path().filename().string();
    if (!e.is_regular_file() || !(name.ends_with(".json") || name.ends_with(".gz") || name.ends_with(".md"))) continue;
    auto r = parse_source(testing_support::read_file(e.path()), name);
    ASSERT_TRUE(std::holds_alternative<ParsedFile>(r)) << name << ": " << std::get<ParseError>(r).message;
    for (const auto& d : std::get<ParsedFile>(r).documents) articles += count_nodes(d.tree).articles;
    ++files;
  }
  EXPECT_GT(files, 240u);
  EXPECT_GT(articles, 9000u);
}

}  // namespace library
