#include "search/ranking_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace search {

namespace {

constexpr std::size_t K = kFeatureCount;
using Matrix = std::array<std::array<double, K>, K>;

bool has_relevant(const TrainingList& l) { return std::find(l.relevant.begin(), l.relevant.end(), 1) != l.relevant.end(); }

// Softmax of `z` in place; returns log of the sum of exp(z).
double softmax(std::vector<double>& z) {
  const double top = *std::max_element(z.begin(), z.end());
  double sum = 0;
  for (auto& v : z) sum += (v = std::exp(v - top));
  for (auto& v : z) v /= sum;
  return top + std::log(sum);
}

// The penalised loss at `w`, and (when asked) its gradient and a positive definite curvature.
double loss(const std::vector<TrainingList>& lists, const std::vector<double>& w, double l2, std::vector<double>* gradient,
            Matrix* curvature) {
  double total = 0, mass = 0;
  if (gradient) gradient->assign(K, 0.0);
  if (curvature)
    for (auto& row : *curvature) row.fill(0.0);
  for (const auto& l : lists) {
    if (l.features.empty() || !has_relevant(l)) continue;
    mass += l.weight;
    auto p = linear_scores(l, w);
    softmax(p);
    double right = 0;
    for (std::size_t i = 0; i < p.size(); ++i) right += l.relevant[i] ? p[i] : 0;
    total -= l.weight * std::log(std::max(right, 1e-300));
    if (!gradient) continue;
    // d/dw of -log Σ_right p = Σ_i (p_i - q_i) f_i, q the softmax restricted to the right ones.
    std::array<double, K> mean{};
    for (std::size_t i = 0; i < p.size(); ++i) {
      const double q = l.relevant[i] ? p[i] / right : 0;
      for (std::size_t k = 0; k < K; ++k) {
        (*gradient)[k] += l.weight * (p[i] - q) * l.features[i][k];
        mean[k] += p[i] * l.features[i][k];
      }
    }
    if (!curvature) continue;
    // The covariance of the features under p: the Hessian of the log-partition (one right answer).
    for (std::size_t i = 0; i < p.size(); ++i)
      for (std::size_t a = 0; a < K; ++a)
        for (std::size_t b = 0; b < K; ++b)
          (*curvature)[a][b] += l.weight * p[i] * (l.features[i][a] - mean[a]) * (l.features[i][b] - mean[b]);
  }
  const double penalty = l2 * std::max(mass, 1e-9);
  for (std::size_t k = 0; k < K; ++k) {
    total += 0.5 * penalty * w[k] * w[k];
    if (gradient) (*gradient)[k] += penalty * w[k];
    if (curvature) (*curvature)[k][k] += penalty;
  }
  return total;
}

// Solves A x = b (A symmetric positive definite) by Gaussian elimination with partial pivoting.
std::vector<double> solve(Matrix a, std::vector<double> b) {
  for (std::size_t c = 0; c < K; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < K; ++r)
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    std::swap(a[c], a[pivot]);
    std::swap(b[c], b[pivot]);
    if (std::abs(a[c][c]) < 1e-12) a[c][c] = 1e-12;
    for (std::size_t r = c + 1; r < K; ++r) {
      const double f = a[r][c] / a[c][c];
      for (std::size_t k = c; k < K; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  std::vector<double> x(K, 0.0);
  for (std::size_t c = K; c-- > 0;) {
    double s = b[c];
    for (std::size_t k = c + 1; k < K; ++k) s -= a[c][k] * x[k];
    x[c] = s / a[c][c];
  }
  return x;
}

}  // namespace

std::vector<double> linear_scores(const TrainingList& list, const std::vector<double>& weights) {
  std::vector<double> z;
  for (const auto& f : list.features) z.push_back(learned_score(f, weights));
  return z;
}

std::vector<double> hand_tuned_scores(const TrainingList& list) {
  std::vector<double> z;
  for (const auto& f : list.features) z.push_back(prior_score(f));
  return z;
}

std::size_t rank_of_first_relevant(const TrainingList& list, const std::vector<double>& scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  // Ties keep the BM25F order, as the index does.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  for (std::size_t r = 0; r < order.size(); ++r)
    if (list.relevant[order[r]]) return r + 1;
  return 0;
}

std::vector<double> fit_ranking(const std::vector<TrainingList>& lists, const FitOptions& options) {
  std::vector<double> w(K, 0.0), gradient;
  Matrix curvature;
  double current = loss(lists, w, options.l2, &gradient, &curvature);
  for (int it = 0; it < options.iterations; ++it) {
    auto step = solve(curvature, gradient);
    // Damped: halve the step until the loss goes down.
    bool moved = false;
    for (double t = 1.0; t > 1e-6; t /= 2) {
      std::vector<double> next(K);
      for (std::size_t k = 0; k < K; ++k) next[k] = w[k] - t * step[k];
      const double value = loss(lists, next, options.l2, nullptr, nullptr);
      if (value < current) {
        moved = current - value > 1e-9 * std::max(1.0, std::abs(current));
        w = std::move(next);
        current = value;
        break;
      }
    }
    if (!moved) break;
    current = loss(lists, w, options.l2, &gradient, &curvature);
  }
  return w;
}

std::vector<std::size_t> cross_validated_ranks(const std::vector<TrainingList>& lists, int folds, const FitOptions& options) {
  folds = std::max(2, folds);
  std::vector<int> fold(lists.size());
  std::map<int, int> dealt;  // group → lists dealt so far
  for (std::size_t i = 0; i < lists.size(); ++i) fold[i] = dealt[lists[i].group]++ % folds;
  std::vector<std::size_t> ranks(lists.size(), 0);
  for (int f = 0; f < folds; ++f) {
    std::vector<TrainingList> train;
    for (std::size_t i = 0; i < lists.size(); ++i)
      if (fold[i] != f) train.push_back(lists[i]);
    const auto w = fit_ranking(train, options);
    for (std::size_t i = 0; i < lists.size(); ++i)
      if (fold[i] == f) ranks[i] = rank_of_first_relevant(lists[i], linear_scores(lists[i], w));
  }
  return ranks;
}

}  // namespace search
