#pragma once
// Learning the weights of the learned ranking (search/learned_ranking.h) from questions whose
// right passages are known: a conditional logit over each question's head, fitted by damped
// Newton steps with an L2 penalty, and k-fold cross-validation that reports what held-out
// questions get. Pure: `phobien train ranking` feeds it the heads that Index::candidates returns.
#include "search/learned_ranking.h"

#include <cstddef>
#include <string>
#include <vector>

namespace search {

// One question's head: its candidates' features, in BM25F order, and which are right.
struct TrainingList {
  std::vector<FeatureVector> features;
  std::vector<char> relevant;
  double weight = 1;  // the question's share of the loss (e.g. 1 / questions of its set)
  int group = 0;      // its question set, for figures per set
};

struct FitOptions {
  double l2 = 1e-5;     // penalty on the squared weights, per unit of total list weight
  int iterations = 50;  // Newton steps at most
};

// The weights that maximise the weighted log-probability of the right candidates. Lists without
// a right candidate are skipped.
std::vector<double> fit_ranking(const std::vector<TrainingList>& lists, const FitOptions& options);

// Place (1-based) of the first right candidate when the head is ordered by `scores`; 0 when none.
std::size_t rank_of_first_relevant(const TrainingList& list, const std::vector<double>& scores);
// The model's scores of a list's candidates (learned_score: the prior plus the weights).
std::vector<double> linear_scores(const TrainingList& list, const std::vector<double>& weights);
// The scores of the hand-tuned ranking alone (prior_score).
std::vector<double> hand_tuned_scores(const TrainingList& list);

// Held-out figures: for each list, the place of its first right candidate under weights learned
// without its fold (`folds` folds, lists dealt to folds in turn within each group).
std::vector<std::size_t> cross_validated_ranks(const std::vector<TrainingList>& lists, int folds, const FitOptions& options);

}  // namespace search
