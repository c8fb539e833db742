// Learning the ranking's weights: the fit finds a feature that tells the right candidate apart,
// cross-validation reports held-out places, and lists without a right candidate do not count.
#include "search/ranking_model.h"

#include <gtest/gtest.h>

#include <cmath>

namespace search {

namespace {

std::size_t at(Feature f) { return static_cast<std::size_t>(f); }

// Questions whose right candidate is never first by the hand-tuned score (BM25F falling by 0.6 a
// place, more than kSubordinateWeight lifts a statute) but always the only statute.
std::vector<TrainingList> statute_lists(int n) {
  std::vector<TrainingList> lists;
  for (int q = 0; q < n; ++q) {
    TrainingList l;
    l.group = q % 2;
    l.weight = 1.0 / n;
    for (int i = 0; i < 5; ++i) {
      FeatureVector f{};
      f[at(Feature::bm25)] = static_cast<float>(std::pow(0.6, i));
      f[at(Feature::rank)] = 1.0f / static_cast<float>(1 + i);
      const bool right = i == 1 + q % 3;
      f[at(Feature::statute)] = right ? 1.0f : 0.0f;
      l.features.push_back(f);
      l.relevant.push_back(right ? 1 : 0);
    }
    lists.push_back(std::move(l));
  }
  return lists;
}

}  // namespace

TEST(RankingModel, TheHandTunedOrderIsThePriorAndMissesTheRightOnes) {
  for (const auto& l : statute_lists(6)) {
    EXPECT_GT(rank_of_first_relevant(l, hand_tuned_scores(l)), 1u);
    EXPECT_EQ(linear_scores(l, std::vector<double>(kFeatureCount, 0.0)), hand_tuned_scores(l)) << "zero weights: the prior";
  }
}

TEST(RankingModel, TheFitFindsTheFeatureThatTellsTheRightOneApart) {
  const auto lists = statute_lists(30);
  const auto w = fit_ranking(lists, {});
  EXPECT_GT(w[at(Feature::statute)], 1.0);
  for (const auto& l : lists) EXPECT_EQ(rank_of_first_relevant(l, linear_scores(l, w)), 1u);
}

TEST(RankingModel, HeldOutPlacesComeFromWeightsLearnedWithoutTheList) {
  auto lists = statute_lists(20);
  auto ranks = cross_validated_ranks(lists, 5, {});
  ASSERT_EQ(ranks.size(), lists.size());
  for (auto r : ranks) EXPECT_EQ(r, 1u) << "the rule holds in every fold";
  // A list whose right candidate never appears counts as a miss, and does not move the weights.
  TrainingList none = lists.front();
  none.relevant.assign(none.relevant.size(), 0);
  lists.push_back(none);
  EXPECT_EQ(cross_validated_ranks(lists, 5, {}).back(), 0u);
  EXPECT_EQ(fit_ranking(lists, {}), fit_ranking(std::vector<TrainingList>(lists.begin(), lists.end() - 1), {}));
}

TEST(RankingModel, AStrongPenaltyKeepsTheWeightsSmall) {
  const auto lists = statute_lists(30);
  const auto loose = fit_ranking(lists, {.l2 = 1e-5});
  const auto tight = fit_ranking(lists, {.l2 = 10});
  EXPECT_LT(std::abs(tight[at(Feature::statute)]), std::abs(loose[at(Feature::statute)]));
}

}  // namespace search
