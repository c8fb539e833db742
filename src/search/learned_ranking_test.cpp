// The learned ranking: its features as the index computes them, the weights file, and the order
// and scores it gives the head.
#include "search/index.h"
#include "search/learned_ranking.h"

#include <gtest/gtest.h>

#include <numeric>

namespace search {

namespace {

std::size_t at(Feature f) { return static_cast<std::size_t>(f); }

Passage passage(std::int64_t id, std::int64_t doc, std::string type, std::string title, std::string text, std::string context = "") {
  Passage p;
  p.id = id;
  p.document_id = doc;
  p.document_title = doc == 1 ? "Bộ luật Lao động" : "Nghị định hướng dẫn";
  p.document_type = std::move(type);
  p.article_number = std::to_string(id);
  p.title = std::move(title);
  p.text = std::move(text);
  p.context = std::move(context);
  return p;
}

void fill(Index& index) {
  index.upsert(passage(1, 1, "bo-luat", "Quyền đơn phương chấm dứt hợp đồng lao động của người lao động",
                       "1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước:\n"
                       "a) Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;",
                       "Hợp đồng lao động"));
  index.upsert(passage(2, 2, "nghi-dinh", "Báo trước khi chấm dứt hợp đồng lao động",
                       "Người lao động báo trước cho người sử dụng lao động bằng văn bản khi chấm dứt hợp đồng lao động."));
  index.upsert(passage(3, 1, "bo-luat", "Thời giờ làm việc bình thường", "Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày.",
                       "Thời giờ làm việc, thời giờ nghỉ ngơi"));
}

const RankedCandidate* candidate(const std::vector<RankedCandidate>& head, std::int64_t id) {
  for (const auto& c : head)
    if (c.id == id) return &c;
  return nullptr;
}

std::vector<double> weights_with(Feature f, double w) {
  std::vector<double> weights(kFeatureCount, 0.0);
  weights[at(f)] = w;
  return weights;
}

}  // namespace

TEST(LearnedRanking, CandidatesCarryTheFeaturesOfTheirPassage) {
  Index index;
  fill(index);
  auto head = index.candidates({.text = "nghỉ việc phải báo trước bao nhiêu ngày"});
  ASSERT_GE(head.size(), 2u);
  EXPECT_FLOAT_EQ(head.front().features[at(Feature::bm25)], 1.0f) << "the best BM25F score is the reference";
  EXPECT_FLOAT_EQ(head.front().features[at(Feature::rank)], 1.0f);
  for (std::size_t i = 1; i < head.size(); ++i) EXPECT_LE(head[i].bm25, head[i - 1].bm25) << "in BM25F order";
  const auto* code = candidate(head, 1);
  const auto* decree = candidate(head, 2);
  ASSERT_TRUE(code && decree);
  EXPECT_EQ(code->features[at(Feature::statute)], 1.0f);
  EXPECT_EQ(decree->features[at(Feature::statute)], 0.0f);
  EXPECT_EQ(code->features[at(Feature::quantity)], 1.0f) << "\"bao nhiêu ngày\" against \"45 ngày\"";
  EXPECT_EQ(decree->features[at(Feature::quantity)], 0.0f);
  EXPECT_GT(code->features[at(Feature::coverage)], 0.0f);
  EXPECT_LE(code->features[at(Feature::coverage)], 1.0f);
}

TEST(LearnedRanking, HeadingsAboveAnArticleAreMatched) {
  Index index;
  fill(index);
  auto head = index.candidates({.text = "thời giờ nghỉ ngơi"});
  const auto* hours = candidate(head, 3);
  ASSERT_TRUE(hours);
  EXPECT_GT(hours->features[at(Feature::context_coverage)], 0.5f);
  EXPECT_EQ(index.search({.text = "thời giờ nghỉ ngơi"}).hits.front().id, 3) << "the chapter's title is searched";
}

TEST(LearnedRanking, TheWeightsOrderTheHeadAndItsScoresAddUpToOne) {
  Index index;
  fill(index);
  const Query q{.text = "báo trước khi chấm dứt hợp đồng lao động"};
  Ranking r;
  r.learned_weights = weights_with(Feature::statute, 20.0);
  index.set_ranking(r);
  auto for_statutes = index.search(q);
  ASSERT_GE(for_statutes.hits.size(), 2u);
  EXPECT_EQ(index.passage(for_statutes.hits.front().id)->document_type, "bo-luat");
  double sum = 0;
  for (const auto& h : for_statutes.hits) sum += h.score;
  EXPECT_NEAR(sum, 1.0, 1e-4) << "the whole head is on the page: its probabilities";
  r.learned_weights = weights_with(Feature::statute, -20.0);
  index.set_ranking(r);
  EXPECT_EQ(index.search(q).hits.front().id, 2) << "the same feature weighed the other way";
}

TEST(LearnedRanking, WithWeightsOfZeroTheOrderIsTheHandTunedOne) {
  Index hand, learned;
  fill(hand);
  fill(learned);
  Ranking r;
  r.learned_weights.assign(kFeatureCount, 0.0);
  learned.set_ranking(r);
  for (const char* text : {"báo trước bao nhiêu ngày", "thời giờ làm việc", "chấm dứt hợp đồng lao động"}) {
    auto a = hand.search({.text = text}), b = learned.search({.text = text});
    ASSERT_EQ(a.hits.size(), b.hits.size()) << text;
    for (std::size_t i = 0; i < a.hits.size(); ++i) EXPECT_EQ(a.hits[i].id, b.hits[i].id) << text;
  }
}

TEST(LearnedRanking, WeightsFileRoundTripsAndBadFilesNameTheirLine) {
  std::vector<double> w(kFeatureCount);
  std::iota(w.begin(), w.end(), -3.0);
  std::vector<std::string> problems;
  auto back = parse_feature_weights(format_feature_weights(w, "learned here\nby a test"), problems);
  ASSERT_TRUE(back) << (problems.empty() ? "" : problems.front());
  EXPECT_EQ(*back, w);

  auto missing = parse_feature_weights("bm25\t1\n", problems);
  EXPECT_FALSE(missing);
  EXPECT_EQ(problems.size(), kFeatureCount - 1) << "every other feature has no weight";

  std::string text = format_feature_weights(w, "");
  problems.clear();
  EXPECT_FALSE(parse_feature_weights(text + "shoe_size\t2\n", problems));
  EXPECT_EQ(problems.front(), "line " + std::to_string(kFeatureCount + 1) + ": unknown feature \"shoe_size\"");
  problems.clear();
  EXPECT_FALSE(parse_feature_weights(text + "bm25\t2\n", problems));
  EXPECT_NE(problems.front().find("given twice"), std::string::npos);
  problems.clear();
  EXPECT_FALSE(parse_feature_weights("bm25\tnhiều\n", problems));
  EXPECT_NE(problems.front().find("not a number"), std::string::npos);
}

}  // namespace search
