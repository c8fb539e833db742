// Citation parsing: data-driven fixtures (testdata/citations.test) and a few direct checks.
#include "text/citation.h"

#include "text/vietnamese.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace text {

namespace {

std::string describe(std::string_view s, const Citation& c) {
  std::string parts;
  auto add = [&](const std::string& p) { parts += (parts.empty() ? "" : ", ") + p; };
  if (!c.point.empty()) add("điểm " + c.point);
  if (!c.clause.empty()) add("khoản " + c.clause);
  if (!c.article.empty()) add("Điều " + c.article);
  if (c.this_article) add("Điều này");
  std::string out = "[" + std::string(s.substr(c.begin, c.end - c.begin)) + "] " + parts;
  if (c.document) {
    const auto& d = *c.document;
    out += " @ ";
    if (d.self) out += d.type + " này";
    else if (!d.number.empty()) out += d.type.empty() ? d.number : d.type + " " + d.number;
    else out += d.title();
    if (!d.year.empty()) out += " (" + d.year + ")";
  }
  return out;
}

struct Case {
  std::string name, input, expected;
};

// "=== name", input lines, "---", expected lines; '#' lines outside cases are comments.
std::vector<Case> load_cases(const std::string& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  std::string line;
  bool expected = false;
  while (std::getline(in, line)) {
    if (line.starts_with("=== ")) {
      cases.push_back({line.substr(4), "", ""});
      expected = false;
    } else if (cases.empty() || (line.starts_with("#") && !expected && cases.back().input.empty())) {
      continue;
    } else if (line == "---") {
      expected = true;
    } else if (!line.empty()) {
      auto& field = expected ? cases.back().expected : cases.back().input;
      field += (field.empty() ? "" : "\n") + line;
    }
  }
  return cases;
}

}  // namespace

TEST(TextCitation, Fixtures) {
  auto cases = load_cases(PHOBIEN_SOURCE_DIR "/src/text/testdata/citations.test");
  ASSERT_GE(cases.size(), 10u);
  for (const auto& c : cases) {
    std::string got;
    for (const auto& cit : find_citations(c.input)) got += (got.empty() ? "" : "\n") + describe(c.input, cit);
    EXPECT_EQ(got, c.expected) << "case: " << c.name << "\ninput: " << c.input;
  }
}

TEST(TextCitation, ParseCitationNormalisesFirst) {
  // Decomposed diacritics, as pasted from some sources.
  auto c = parse_citation("kho\xE1\xBA\xA3n 2 \xC4\x91i\xC3\xAA\xCC\x80u 5 lu\xE1\xBA\xAD\x74 c\xC6\xB0 tru\xCC\x81");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->clause, "2");
  EXPECT_EQ(c->article, "5");
  ASSERT_TRUE(c->document);
  EXPECT_EQ(c->document->type_slug, "luat");
  EXPECT_EQ(c->document->title_keys().front(), "luat cu tru");
  EXPECT_FALSE(parse_citation("quyền sử dụng đất"));
}

TEST(TextCitation, ANameWordIsNotTakenForAStopWordThatFoldsAlike) {
  // "cận" folds to "can", as "cần" (need) does: only the latter ends a name.
  auto c = parse_citation("Điều 3 Luật Tiếp cận thông tin");
  ASSERT_TRUE(c && c->document);
  EXPECT_EQ(c->document->name, "Tiếp cận thông tin");
  auto stop = parse_citation("Điều 8 Luật Cư trú cần được hiểu");
  ASSERT_TRUE(stop && stop->document);
  EXPECT_EQ(stop->document->name, "Cư trú");
  auto folded = parse_citation("dieu 8 luat cu tru can duoc hieu");
  ASSERT_TRUE(folded && folded->document);
  EXPECT_EQ(folded->document->title_keys().front(), "luat cu tru") << "without diacritics the folded list decides";
}

TEST(TextCitation, TitleKeysLongestFirst) {
  auto c = parse_citation("Điều 5 Luật Cư trú hiện hành");
  ASSERT_TRUE(c && c->document);
  auto keys = c->document->title_keys();
  ASSERT_EQ(keys.size(), 4u);
  EXPECT_EQ(keys[0], "luat cu tru hien hanh");
  EXPECT_EQ(keys[2], "luat cu tru");  // the one a table of known titles has
}

TEST(TextCitation, DocumentRefAt) {
  std::string s = "theo Nghị định số 100/2019/NĐ-CP";
  auto r = document_ref_at(s, 5);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->type_slug, "nghi-dinh");
  EXPECT_EQ(r->number, "100/2019/NĐ-CP");
  EXPECT_EQ(s.substr(r->begin, r->end - r->begin), "Nghị định số 100/2019/NĐ-CP");
  auto b = document_ref_at("của BLHS", 0);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->title(), "Bộ luật Hình sự");
}

TEST(TextCitation, FindDocumentRefsNamesLawsByTitleAndAnyDocumentByNumber) {
  auto named = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& r : find_document_refs(text)) out.push_back(std::string(text.substr(r.begin, r.end - r.begin)));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(named("Theo Luật Hộ tịch, đăng ký khai sinh trong bao lâu?"), V{"Luật Hộ tịch"});
  EXPECT_EQ(named("Luật Công chứng quy định công chứng viên phải có điều kiện gì?"), V{"Luật Công chứng"});
  EXPECT_EQ(named("Luật Giao thông đường bộ cấm những hành vi nào?"), V{"Luật Giao thông đường bộ"});
  EXPECT_EQ(named("Điều 5 Luật Đất đai 2024 quy định gì?"), V{"Luật Đất đai 2024"}) << "inside a citation too";
  EXPECT_EQ(named("Nghị định 100/2019/NĐ-CP phạt lỗi này bao nhiêu? Còn 168/2024/NĐ-CP?"),
            (V{"Nghị định 100/2019/NĐ-CP", "168/2024/NĐ-CP"}));
  EXPECT_EQ(named("Bộ luật Dân sự, Luật Hôn nhân và gia đình"), (V{"Bộ luật Dân sự", "Luật Hôn nhân và gia đình"}));
  EXPECT_EQ(named("luật dân sự quy định thừa kế thế nào"), V{"luật dân sự"}) << "typed all in lower case";
  // Not documents: the law at large, lawyers, everyday "quyết định", "Luật này".
  EXPECT_TRUE(named("Theo luật thì nghỉ phép mấy ngày? Luật sư tư vấn giúp em").empty());
  EXPECT_TRUE(named("Hội đồng trọng tài có thể áp dụng luật nước ngoài, đúng hay sai?").empty());
  EXPECT_TRUE(named("Hành vi trái pháp luật nhưng không nhằm chiếm đoạt, có căn cứ pháp luật và ngay tình").empty());
  EXPECT_TRUE(named("Ai quyết định việc nuôi con sau ly hôn? Nghị quyết của hội nghị").empty());
  EXPECT_TRUE(named("Luật này quy định về cư trú.").empty());
  EXPECT_TRUE(named("Công ty Luật nhưng treo bảng hiệu công ty TNHH, văn phòng Luật Minh An, sinh viên khoa Luật Kinh tế").empty())
      << "law firms and faculties";
  EXPECT_EQ(named("theo Luật chứng khoán mới thì công ty chứng khoán"), V{"Luật chứng khoán"});
}

TEST(TextCitation, QuotedNamesReadAsASentence) {
  EXPECT_EQ(quoted_names({}), "");
  EXPECT_EQ(quoted_names({"Luật Hộ tịch"}), "«Luật Hộ tịch»");
  EXPECT_EQ(quoted_names({"A", "B"}), "«A» và «B»");
  EXPECT_EQ(quoted_names({"A", "B", "C"}), "«A», «B» và «C»");
}

}  // namespace text
