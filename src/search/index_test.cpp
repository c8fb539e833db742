#include "search/index.h"

#include "core/utf8.h"
#include "text/thesaurus.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace search {

namespace {

Passage passage(std::int64_t id, std::int64_t doc, std::string article, std::string title, std::string text,
                std::string doc_title = "Luật Thử nghiệm", std::string number = "") {
  Passage p;
  p.id = id;
  p.document_id = doc;
  p.document_title = std::move(doc_title);
  p.document_number = std::move(number);
  p.document_type = "luat";
  p.status = "con-hieu-luc";
  p.article_number = std::move(article);
  p.title = std::move(title);
  p.text = std::move(text);
  return p;
}

std::vector<std::int64_t> ids(const Result& r) {
  std::vector<std::int64_t> out;
  for (const auto& h : r.hits) out.push_back(h.id);
  return out;
}

Result find(const Index& index, std::string text, std::size_t limit = 10) {
  Query q;
  q.text = std::move(text);
  q.limit = limit;
  return index.search(q);
}

}  // namespace

TEST(SearchIndex, UpsertReplacesAndRemoveForgets) {
  Index index;
  index.upsert(passage(1, 10, "1", "Phạm vi điều chỉnh", "Luật này quy định về đất đai."));
  index.upsert(passage(2, 10, "2", "Đối tượng áp dụng", "Cơ quan, tổ chức, cá nhân có liên quan."));
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(ids(find(index, "đất đai")), (std::vector<std::int64_t>{1}));

  index.upsert(passage(1, 10, "1", "Phạm vi điều chỉnh", "Luật này quy định về nhà ở."));
  EXPECT_EQ(index.size(), 2u);
  EXPECT_TRUE(find(index, "đất đai").hits.empty());
  EXPECT_EQ(ids(find(index, "nhà ở")), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(index.passage(1)->text, "Luật này quy định về nhà ở.");

  index.remove(2);
  EXPECT_EQ(index.size(), 1u);
  EXPECT_FALSE(index.passage(2));
  EXPECT_TRUE(find(index, "cá nhân có liên quan").hits.empty());
  index.remove(2);  // unknown: nothing happens
  index.remove_document(10);
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(find(index, "nhà ở").hits.empty());
}

TEST(SearchIndex, ManyRemovalsCompactAndKeepResultsRight) {
  Index index;
  for (int i = 0; i < 2000; ++i)
    index.upsert(passage(i, i / 10, std::to_string(i % 10), "Điều khoản " + std::to_string(i),
                         i % 2 ? "hợp đồng lao động" : "bảo hiểm xã hội"));
  for (int d = 0; d < 150; ++d) index.remove_document(d);  // 1500 passages
  EXPECT_EQ(index.size(), 500u);
  auto r = find(index, "bảo hiểm xã hội", 1000);
  EXPECT_EQ(r.total, 250u);
  for (auto id : ids(r)) {
    EXPECT_GE(id, 1500);
    EXPECT_EQ(id % 2, 0);
  }
  index.upsert(passage(5000, 999, "1", "Mới", "bảo hiểm xã hội tự nguyện"));
  EXPECT_EQ(find(index, "bảo hiểm xã hội tự nguyện").hits.front().id, 5000);
}

TEST(SearchIndex, FoldedQueryFindsAccentedTextButExactRanksFirst) {
  Index index;
  index.upsert(passage(1, 1, "1", "", "Quy định về dát vàng trên đồ thờ."));
  index.upsert(passage(2, 1, "2", "", "Quy định về đất trồng lúa."));
  EXPECT_EQ(ids(find(index, "đất")), (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(ids(find(index, "dát")), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(find(index, "dat").total, 2u);
  EXPECT_EQ(find(index, "DAT TRONG LUA").hits.front().id, 2);
}

TEST(SearchIndex, EverydayWordsFindTheLawsTermsAndTextingIsSpelledOut) {
  Index index;
  index.upsert(passage(1, 1, "35", "Quyền đơn phương chấm dứt hợp đồng lao động của người lao động",
                       "Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước ít nhất 45 ngày."));
  index.upsert(passage(2, 1, "115", "Nghỉ việc riêng, nghỉ không hưởng lương",
                       "Người lao động được nghỉ việc riêng mà vẫn hưởng nguyên lương và phải thông báo với người sử dụng lao động."));
  const std::string question = "nghỉ việc thì phải báo trước bao nhiêu ngày";
  EXPECT_EQ(ids(find(index, question)).front(), 2) << "without the thesaurus, the words of Điều 115 win";
  index.set_thesaurus(std::make_shared<const text::Thesaurus>(text::Thesaurus::parse("nghỉ việc\tđơn phương chấm dứt hợp đồng lao động\n")));
  EXPECT_EQ(ids(find(index, question)).front(), 1);
  EXPECT_EQ(ids(find(index, "nghi viec phai bao truoc bn ngay")).front(), 1) << "without diacritics, in texting style";
  auto r = index.ranking();
  r.thesaurus_weight = 0;
  index.set_ranking(r);
  EXPECT_EQ(ids(find(index, question)).front(), 2) << "a weight of 0 turns the thesaurus off";
}

TEST(SearchIndex, SuggestionRestoresDiacritics) {
  Index index;
  index.upsert(passage(1, 1, "1", "Quyền sử dụng đất", "Người sử dụng đất có quyền chuyển nhượng quyền sử dụng đất."));
  index.upsert(passage(2, 1, "2", "Dạy nghề", "Cơ sở dạy nghề được cấp phép."));
  auto r = find(index, "quyen su dung dat");
  EXPECT_EQ(r.suggestion.value_or(""), "quyền sử dụng đất");
  EXPECT_EQ(index.suggest("Quyen su dung DAT").value_or(""), "Quyền sử dụng ĐẤT");
  EXPECT_FALSE(find(index, "quyền sử dụng đất").suggestion);
  EXPECT_FALSE(index.suggest("xyz 123"));
}

TEST(SearchIndex, QuestionWordsAreRestoredAsQuestionsSpellThem) {
  Index index;
  index.upsert(passage(1, 1, "1", "Bảo đảm quyền", "Nhà nước bảo đảm quyền và bảo vệ quyền của người lao động; mức lương tối thiểu."));
  index.upsert(passage(2, 1, "2", "Áp dụng pháp luật", "Áp dụng đúng quy định; sử dụng lao động đúng mục đích."));
  EXPECT_EQ(index.suggest("luong toi thieu bao nhieu").value_or(""), "lương tối thiểu bao nhiêu");
  EXPECT_EQ(index.suggest("ap dung dung hay sai").value_or(""), "áp dụng đúng hay sai");

  // The law says "tội" (crime) and "máy" (machine) far more often than "tôi" (I) and "mấy" (how many).
  index.upsert(passage(3, 1, "3", "Tội phạm", "Người phạm tội, tội danh, tội phạm nghiêm trọng; máy móc, thiết bị; con của tôi."));
  index.upsert(passage(4, 1, "4", "Làm việc", "Người lao động đi làm được nghỉ mấy ngày theo quy định."));
  EXPECT_EQ(index.suggest("con toi di lam may ngay").value_or(""), "con tôi đi làm mấy ngày");
}

TEST(SearchIndex, WordsThatOnlyConverseWeighLittle) {
  // "muốn" is rare in the law and in nearly every citizen's question ("em muốn hỏi", "giờ muốn
  // nghỉ"): weighed in full, it pulls the articles that happen to say it.
  Index index;
  index.upsert(passage(1, 1, "113", "Quyền của người lao động", "Người lao động được nghỉ hằng năm, hưởng nguyên lương."));
  index.upsert(passage(2, 1, "41", "Nhận lại người lao động",
                       "Người lao động vẫn muốn làm việc thì được nhận lại; không muốn làm việc hoặc muốn thỏa thuận thì được trả trợ cấp."));
  for (int i = 3; i < 8; ++i) index.upsert(passage(i, 1, std::to_string(i), "Điều khoản " + std::to_string(i), "Người lao động được trả lương."));
  for (const char* q : {"em muốn nghỉ", "em muon nghi"}) EXPECT_EQ(ids(find(index, q)).front(), 1) << q;
}

TEST(SearchIndex, SnippetsAreEscapedAndMarked) {
  Index index;
  index.upsert(passage(1, 1, "1", "Ký hiệu", "Giá trị <b>x</b> & \"y\" phải lớn hơn 0 khi tính thuế thu nhập."));
  auto r = find(index, "thuế thu nhập");
  ASSERT_EQ(r.hits.size(), 1u);
  const auto& s = r.hits[0].snippet;
  EXPECT_NE(s.find("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"), std::string::npos) << s;
  EXPECT_NE(s.find("<mark>thuế thu nhập</mark>"), std::string::npos) << s;
  // No tag but <mark> and </mark>.
  std::string rest = s;
  for (std::string tag : {"<mark>", "</mark>"})
    for (auto p = rest.find(tag); p != std::string::npos; p = rest.find(tag)) rest.erase(p, tag.size());
  EXPECT_EQ(rest.find('<'), std::string::npos) << s;
  EXPECT_EQ(rest.find('>'), std::string::npos) << s;
  EXPECT_TRUE(core::is_valid_utf8(s));
}

TEST(SearchIndex, SnippetOfALongArticleShowsTheMatch) {
  Index index;
  std::string text;
  for (int i = 1; i <= 40; ++i) text += std::to_string(i) + ". Nội dung thông thường của khoản thứ " + std::to_string(i) + ".\n";
  text += "41. Người lao động được nghỉ thai sản sáu tháng.\n";
  index.upsert(passage(1, 1, "1", "Chế độ", text));
  auto r = find(index, "nghỉ thai sản");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet.find("<mark>nghỉ thai sản</mark>"), std::string::npos) << r.hits[0].snippet;
  EXPECT_EQ(r.hits[0].snippet.rfind("… ", 0), 0u);  // starts inside the text
}

TEST(SearchIndex, CitationAndNumberMatches) {
  Index index;
  index.upsert(passage(1, 1, "5", "Quy định chung", "Nội dung.", "Nghị định xử phạt", "100/2019/NĐ-CP"));
  index.upsert(passage(2, 1, "6", "Mức phạt", "Phạt tiền từ 2.000.000 đồng.", "Nghị định xử phạt", "100/2019/NĐ-CP"));
  index.upsert(passage(3, 2, "5", "Quy định chung", "Nội dung khác.", "Luật Giao thông đường bộ"));
  auto c = find(index, "điều 5 nghị định 100/2019/nđ-cp");
  ASSERT_FALSE(c.hits.empty());
  EXPECT_EQ(c.hits[0].id, 1);
  EXPECT_EQ(c.hits[0].match, "citation");
  auto g = find(index, "Điều 5 Luật giao thông đường bộ");
  EXPECT_EQ(g.hits.at(0).id, 3);
  auto n = find(index, "100/2019/ND CP");
  EXPECT_EQ(ids(n), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(n.hits[0].match, "number");
  auto none = find(index, "Điều 9 Luật giao thông đường bộ");
  for (const auto& h : none.hits) EXPECT_NE(h.match, "citation");
}

TEST(SearchIndex, ScoresFallDownTheListWhenAQueryNamesTwoDocuments) {
  // Found by fuzz/query_plan_fuzz.cpp: each named document's passages started again at the same
  // score, so the second document's first passage scored above the first document's last.
  Index index;
  index.upsert(passage(1, 1, "1", "", "Nội dung.", "Nghị định xử phạt", "100/2019/NĐ-CP"));
  index.upsert(passage(2, 1, "2", "", "Nội dung.", "Nghị định xử phạt", "100/2019/NĐ-CP"));
  index.upsert(passage(3, 2, "1", "", "Nội dung.", "Luật Giao thông đường bộ", "23/2008/QH12"));
  auto r = find(index, "100/2019/NĐ-CP 23/2008/QH12");
  EXPECT_EQ(ids(r), (std::vector<std::int64_t>{1, 2, 3}));
  for (std::size_t i = 1; i < r.hits.size(); ++i) EXPECT_LT(r.hits[i].score, r.hits[i - 1].score) << i;
}

TEST(SearchIndex, PagingAndTotal) {
  Index index;
  for (int i = 1; i <= 25; ++i) index.upsert(passage(i, 1, std::to_string(i), "", "trách nhiệm bồi thường thiệt hại " + std::string(i, 'x')));
  Query q;
  q.text = "bồi thường";
  q.limit = 10;
  auto first = index.search(q);
  q.offset = 20;
  auto last = index.search(q);
  EXPECT_EQ(first.total, 25u);
  EXPECT_EQ(first.hits.size(), 10u);
  EXPECT_EQ(last.hits.size(), 5u);
  for (auto id : ids(last))
    for (auto other : ids(first)) EXPECT_NE(id, other);
  EXPECT_GE(first.took_ms, 0.0);
}

TEST(SearchIndex, OddInputIsHarmless) {
  Index index;
  index.upsert(passage(1, 1, "1", "Tiêu đề", "Nội dung có chữ."));
  for (std::string s : std::vector<std::string>{"", "   ", "\"", "\"\"", "“", "\xFF\xFE", "Điều", "điều 0", "khoản", "!!!",
                                                std::string(5000, 'a')}) {
    auto r = find(index, s);
    for (const auto& h : r.hits) EXPECT_TRUE(core::is_valid_utf8(h.snippet));
  }
  EXPECT_GT(index.memory_bytes(), 0u);
}

TEST(SearchIndex, ConcurrentSearchesWhileWriting) {
  Index index;
  for (int i = 0; i < 200; ++i) index.upsert(passage(i, i / 20, std::to_string(i), "Điều", "quyền và nghĩa vụ của công dân số " + std::to_string(i)));
  std::atomic<bool> stop{false};
  std::atomic<int> searches{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t)
    readers.emplace_back([&] {
      while (!stop) {
        auto r = find(index, "quyền nghĩa vụ công dân");
        EXPECT_LE(r.hits.size(), 10u);
        ++searches;
      }
    });
  // On a busy machine the readers may not run at all during a fixed number of writes, so the
  // writer goes on until they have searched many times while it writes. The time limit only
  // keeps a broken lock from hanging the test.
  constexpr int kSearchesWhileWriting = 200;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int searched_while_writing = 0;
  for (int i = 0; i < 300 || (searched_while_writing < kSearchesWhileWriting && std::chrono::steady_clock::now() < deadline); ++i) {
    index.upsert(passage(1000 + i, 50, std::to_string(i), "Mới", "nghĩa vụ công dân mới " + std::to_string(i)));
    if (i % 3 == 0) index.remove(1000 + i / 2);
    searched_while_writing = searches.load();
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_GE(searched_while_writing, kSearchesWhileWriting);
  EXPECT_GT(index.size(), 200u);
}

TEST(SearchIndex, ALawComesBeforeTheDecreeThatDetailsItWhenTheyMatchAlike) {
  Index index;
  const std::string text = "Người lao động làm việc theo hợp đồng không xác định thời hạn phải báo trước ít nhất 45 ngày.";
  auto decree = passage(1, 1, "5", "Thời hạn báo trước", text, "Nghị định hướng dẫn", "145/2020/NĐ-CP");
  decree.document_type = "nghi-dinh";
  index.upsert(decree);
  index.upsert(passage(2, 2, "35", "Thời hạn báo trước", text, "Bộ luật Lao động", "45/2019/QH14"));
  EXPECT_EQ(ids(find(index, "báo trước bao nhiêu ngày")), (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(ids(find(index, "145/2020/NĐ-CP báo trước")).front(), 1) << "a decree the query names still comes first";

  Index consolidated;
  consolidated.upsert(decree);
  auto code = passage(3, 3, "35", "Thời hạn báo trước", text, "Bộ luật Lao động", "01/VBHN-VPQH");
  code.document_type = "van-ban-hop-nhat";
  consolidated.upsert(code);
  EXPECT_EQ(ids(find(consolidated, "báo trước bao nhiêu ngày")), (std::vector<std::int64_t>{3, 1}))
      << "the National Assembly Office's consolidated text of a code is the code";

  Index resolutions;
  resolutions.upsert(decree);
  auto resolution = passage(4, 4, "2", "Thời hạn báo trước", text, "Nghị quyết của Quốc hội", "142/2024/QH15");
  resolution.document_type = "nghi-quyet";
  resolutions.upsert(resolution);
  auto government = passage(5, 5, "2", "Thời hạn báo trước", text, "Nghị quyết của Chính phủ", "01/2025/NQ-CP");
  government.document_type = "nghi-quyet";
  resolutions.upsert(government);
  EXPECT_EQ(ids(find(resolutions, "báo trước bao nhiêu ngày")).front(), 4) << "a resolution of the National Assembly stands with its laws";
}

TEST(SearchIndex, AQuestionAskingForAFineFindsTheSanctionDecreeBeforeTheLaw) {
  Index index;
  index.upsert(passage(1, 1, "97", "Kỳ hạn trả lương",
                       "Người sử dụng lao động phải trả lương đúng hạn; trường hợp trả lương chậm không quá 30 ngày thì phải trả thêm tiền lãi.",
                       "Bộ luật Lao động", "45/2019/QH14"));
  auto sanctions = passage(2, 2, "23", "Vi phạm quy định về tiền lương",
                           "Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với người sử dụng lao động trả lương không đúng hạn.",
                           "Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực lao động", "12/2022/NĐ-CP");
  sanctions.document_type = "nghi-dinh";
  index.upsert(sanctions);
  auto guide = passage(3, 3, "5", "Thiên tai, hỏa hoạn", "Khi trả lương chậm do thiên tai thì người sử dụng lao động báo cho người lao động.",
                       "Nghị định hướng dẫn Bộ luật Lao động", "145/2020/NĐ-CP");
  guide.document_type = "nghi-dinh";
  index.upsert(guide);

  EXPECT_EQ(ids(find(index, "công ty trả lương chậm bị phạt bao nhiêu tiền")).front(), 2);
  EXPECT_EQ(ids(find(index, "cty tra luong cham thi bi phat the nao")).front(), 2) << "without diacritics";
  EXPECT_EQ(ids(find(index, "công ty trả lương chậm thì sao")).front(), 1) << "no fine asked for: the law first";
  const auto ranked = ids(find(index, "công ty trả lương chậm bị phạt bao nhiêu tiền"));
  EXPECT_LT(std::find(ranked.begin(), ranked.end(), 1), std::find(ranked.begin(), ranked.end(), 3))
      << "a decree that sets no fines stays below the law";

  const auto head = index.candidates({.text = "trả lương chậm bị phạt bao nhiêu"});
  for (const auto& c : head)
    EXPECT_EQ(c.features[static_cast<std::size_t>(Feature::fine)], c.id == 2 ? 1.0f : 0.0f) << c.id;
}

TEST(SearchIndex, ATitleThatNamesOnlyWhatIsAskedComesBeforeOneThatNamesMore) {
  Index index;
  index.upsert(passage(1, 1, "55", "Thuận tình ly hôn",
                       "Trường hợp vợ chồng cùng yêu cầu ly hôn, nếu xét thấy hai bên thật sự tự nguyện ly hôn thì Tòa án công nhận."));
  index.upsert(passage(2, 1, "397", "Hòa giải và công nhận thuận tình ly hôn, thỏa thuận nuôi con, chia tài sản khi ly hôn",
                       "Thẩm phán tiến hành hòa giải để vợ chồng đoàn tụ; hòa giải không thành thì lập biên bản công nhận thuận tình ly hôn."));
  EXPECT_EQ(ids(find(index, "điều kiện thuận tình ly hôn")), (std::vector<std::int64_t>{1, 2}));

  // The candidates come in BM25F order, with the title's precision among their features.
  const auto head = index.candidates({.text = "điều kiện thuận tình ly hôn"});
  ASSERT_EQ(head.size(), 2u);
  EXPECT_EQ(head[0].id, 2) << "BM25F alone prefers the longer title, which names every word of the question, some twice";
  const auto precision = [](const RankedCandidate& c) { return c.features[static_cast<std::size_t>(Feature::title_precision)]; };
  EXPECT_FLOAT_EQ(precision(head[1]), 1.0f) << "every word of \"Thuận tình ly hôn\" is asked about";
  EXPECT_LT(precision(head[0]), 0.5f);
}

TEST(SearchIndex, DocumentsTheQueryNamesThatTheIndexDoesNotHoldAreReported) {
  Index index;
  index.upsert(passage(1, 1, "113", "Nghỉ hằng năm", "Người lao động được nghỉ hằng năm 12 ngày.", "Bộ luật Lao động", "45/2019/QH14"));
  index.upsert(passage(2, 2, "5", "Hạn mức giao đất", "Hạn mức giao đất ở do Ủy ban nhân dân cấp tỉnh quy định.",
                       "Nghị định quy định chi tiết thi hành Luật Đất đai", "102/2024/NĐ-CP"));
  using V = std::vector<std::string>;
  EXPECT_EQ(find(index, "Theo Luật Đất đai 2024, hạn mức giao đất ở là bao nhiêu?").missing_documents, V{"Luật Đất đai 2024"})
      << "a decree detailing the law is not the law";
  EXPECT_EQ(find(index, "Nghị định 100/2019/NĐ-CP và Luật Hộ tịch").missing_documents, (V{"Nghị định 100/2019/NĐ-CP", "Luật Hộ tịch"}));
  EXPECT_TRUE(find(index, "Nghị định 102/2024/NĐ-CP về hạn mức giao đất").missing_documents.empty()) << "held by number";
  EXPECT_TRUE(find(index, "theo luật lao động thì nghỉ hằng năm mấy ngày").missing_documents.empty()) << "the Bộ luật Lao động";
  EXPECT_TRUE(find(index, "Điều 113 Bộ luật Lao động").missing_documents.empty());
  EXPECT_TRUE(find(index, "nghỉ hằng năm mấy ngày").missing_documents.empty());
  EXPECT_EQ(find(index, "Luật Bảo hiểm xã hội chế độ thai sản").missing_documents, V{"Luật Bảo hiểm…"})
      << "a name with no end in sight: its first two words";
  EXPECT_TRUE(find(Index(), "Theo Luật Hộ tịch").missing_documents.empty()) << "an empty index holds nothing to compare with";
}

TEST(SearchIndex, LawsWhoseSubjectTheQueryNamesAndTheIndexDoesNotHoldAreReported) {
  Index index;
  index.upsert(passage(1, 1, "113", "Nghỉ hằng năm", "Người lao động được nghỉ hằng năm 12 ngày.", "Bộ luật Lao động", "45/2019/QH14"));
  index.set_law_subjects(std::make_shared<const text::Thesaurus>(text::Thesaurus::parse(
      "công ty hợp danh\tLuật Doanh nghiệp\nthành viên hợp danh\tLuật Doanh nghiệp\nmũ bảo hiểm\tNghị định 168/2024/NĐ-CP\n"
      "hợp đồng lao động\tBộ luật Lao động\nphạm nhân\tLuật Thi hành án hình sự\n")));
  using V = std::vector<OutsideLaw>;
  EXPECT_EQ(find(index, "Thành viên hợp danh của công ty hợp danh có được nghỉ hằng năm không?").outside_library,
            (V{{"Luật Doanh nghiệp", "thành viên hợp danh"}}))
      << "each law once, with the first phrase as typed (a sentence's capital aside)";
  EXPECT_EQ(find(index, "Công ty hợp danh nghỉ hằng năm").outside_library, (V{{"Luật Doanh nghiệp", "công ty hợp danh"}}));
  EXPECT_EQ(find(index, "CÔNG TY HỢP DANH nghỉ hằng năm").outside_library, (V{{"Luật Doanh nghiệp", "CÔNG TY HỢP DANH"}}));
  EXPECT_EQ(find(index, "cong ty hop danh nghi hang nam").outside_library, (V{{"Luật Doanh nghiệp", "cong ty hop danh"}}))
      << "typed without diacritics";
  EXPECT_EQ(find(index, "không đội mũ bảo hiểm phạt bao nhiêu").outside_library, (V{{"Nghị định 168/2024/NĐ-CP", "mũ bảo hiểm"}}));
  EXPECT_TRUE(find(index, "hợp đồng lao động nghỉ hằng năm").outside_library.empty()) << "the Bộ luật Lao động is held";
  EXPECT_TRUE(find(index, "nghỉ hằng năm mấy ngày").outside_library.empty());
  EXPECT_TRUE(find(index, "công ty hop danh nghỉ hằng năm").outside_library.empty())
      << "in a question typed with diacritics a plain word is meant as written (\"hop\" is not \"hợp\")";
  EXPECT_TRUE(find(index, "Theo Luật Hộ tịch, công ty hợp danh có được nghỉ hằng năm không").outside_library.empty())
      << "a query naming a document says which law it means";
  EXPECT_TRUE(find(index, "Điều 113 BLLĐ: công ty hợp danh nghỉ hằng năm").outside_library.empty());
  EXPECT_EQ(find(index, "phạm nhân được gặp thân nhân mấy lần").outside_library, (V{{"Luật Thi hành án hình sự", "phạm nhân"}}));

  // A decree that names the law in its title, a document whose title holds the subject, or the
  // number of a law given by it: the library holds it.
  index.upsert(passage(2, 2, "1", "Phạm vi", "Nghị định này quy định chi tiết.", "Nghị định hướng dẫn Luật Doanh nghiệp", "01/2025/NĐ-CP"));
  index.upsert(passage(3, 3, "1", "Phạm vi", "Thông tư này quy định chế độ gặp thân nhân.", "Thông tư quy định chế độ gặp thân nhân của phạm nhân",
                       "82/2026/TT-BQP"));
  EXPECT_TRUE(find(index, "công ty hợp danh nghỉ hằng năm").outside_library.empty());
  EXPECT_TRUE(find(index, "phạm nhân được gặp thân nhân mấy lần").outside_library.empty());
  index.upsert(passage(4, 4, "6", "Xử phạt người điều khiển xe mô tô", "Phạt tiền người không đội mũ bảo hiểm.", "Nghị định 168/2024/NĐ-CP",
                       "168/2024/NĐ-CP"));
  EXPECT_TRUE(find(index, "không đội mũ bảo hiểm phạt bao nhiêu").outside_library.empty());

  EXPECT_TRUE(find(Index(), "công ty hợp danh").outside_library.empty()) << "no subject list";
  Index empty;
  empty.set_law_subjects(std::make_shared<const text::Thesaurus>(text::Thesaurus::parse("công ty hợp danh\tLuật Doanh nghiệp\n")));
  EXPECT_TRUE(find(empty, "công ty hợp danh").outside_library.empty()) << "an empty index holds nothing to compare with";
}

}  // namespace search
