#pragma once
// The learned ranking (issue 14): what the index knows about a candidate passage for a query, as
// a vector of features, and a linear model over them that orders the first Ranking::rerank_depth
// text candidates when Ranking::learned_weights are set. Weights are learned from question sets by
// `phobien train ranking` (search/ranking_model.h) and measured by `phobien eval --weights`. None
// are shipped: held out, they gain a few competition questions but not the natural questions' R@1,
// and the answers' ambiguity and confidence rules are calibrated on hand-tuned scores
// (docs/answering.md).
//
// The model is a conditional logit: a candidate's score is exp(prior + w · features) over the
// head's sum (a softmax), so the scores of the head add up to 1 and read as the probability that
// each one is the passage asked for. The prior is the hand-tuned ranking's log score (BM25F ×
// (1 + proximity) × 2 for a definition × kSubordinateWeight below a law, or kFineWeight for a
// sanction decree when a fine is asked for, × (1 + kTitlePrecisionWeight × title precision)): the
// learned weights
// correct it, and with weights of zero the order is the hand-tuned one. Features lie in [0, 1] (the prior's logarithm is not one of
// them: weighed freely, it let a passage far below the best climb in a small library).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace search {

enum class Feature : std::size_t {
  bm25,            // the BM25F score over the head's best
  rank,            // 1 / (1 + place in BM25F order)
  proximity,       // share of the query's weight within Ranking::proximity_window words
  coverage,        // share of the query's own words' weight (idf) found in the passage
  title_coverage,  // the same in the article's title
  context_coverage,   // the same in the headings above the article (chapter, section)
  document_coverage,  // the same in the document's title
  thesaurus,       // share of the thesaurus terms' weight found (0 when the query has none)
  definition,      // a line of the passage defines the term "X là gì?" asks about
  document_vote,   // share of the head's BM25F mass in the passage's document
  length,          // ln(1 + words of the body) / 8 (at most 1 for bodies under 3,000 words)
  statute,         // the document is a law or stands with one (search::is_statute), not a decree or a circular
  quantity,        // the question asks "bao nhiêu / mấy / tối đa" and the passage states a number with a unit
  title_precision, // share of the title's words (idf) that the query holds, thesaurus terms included
  fine,            // the question asks for a fine and the document is a sanction decree (search::sets_fines)
  count_
};
inline constexpr std::size_t kFeatureCount = static_cast<std::size_t>(Feature::count_);
inline constexpr std::array<std::string_view, kFeatureCount> kFeatureNames = {
    "bm25", "rank", "proximity", "coverage", "title_coverage", "context_coverage", "document_coverage", "thesaurus", "definition", "document_vote", "length",
    "statute", "quantity", "title_precision", "fine"};

using FeatureVector = std::array<float, kFeatureCount>;

// The hand-tuned ranking's weight for a passage of a document below a law (a decree, circular or
// decision): citizens' questions are mostly answered by the law itself, which those texts detail.
// On the whole shared library, natural dev R@1 / R@5: 1.0 (none) 0.444 / 0.697, 0.8 0.465 / 0.718,
// 0.7 0.458 / 0.725, 0.6 0.458 / 0.718, 0.5 0.451 / 0.718; alqac2022 0.921 → 0.927 from 0.8 on;
// ALQAC dev 0.814 at 0.7, 0.811 at 0.8 and 0.6.
inline constexpr double kSubordinateWeight = 0.7;

// Instead of kSubordinateWeight, the weight of a sanction decree's passage (search::sets_fines)
// when the question asks for an administrative fine (text::asks_fine): no law states the fines,
// the Government's decrees on administrative sanctions do. On the whole shared library, natural
// dev R@1 / R@5: 0.7 (as any decree) 0.549 / 0.817; 1.0 0.556 / 0.824; 1.15 to 2.0 0.563 / 0.824
// (both of its fine questions); ALQAC dev and alqac2022 unchanged (their penalty questions are
// about crimes).
inline constexpr double kFineWeight = 1.3;

// The hand-tuned ranking's weight of a title naming only what is asked (Ranking::title_precision_weight,
// scoring.h): × (1 + this × title_precision). On the whole shared library, R@1 / R@5 of natural dev,
// ALQAC dev and alqac2022: 0 (none) 0.507 / 0.775, 0.814 / 0.935, 0.927 / 0.973; 0.15 0.514 / 0.810,
// 0.825 / 0.943, 0.929 / 0.975; 0.2 0.521 / 0.810, 0.822 / 0.949, 0.929 / 0.977; 0.3 0.528 / 0.831,
// 0.811 / 0.951, 0.931 / 0.979; 0.6 0.514 / 0.824, 0.806 / 0.943, 0.927 / 0.975; 1.0 0.535 / 0.803,
// 0.790 / 0.938, 0.913 / 0.969.
inline constexpr double kTitlePrecisionWeight = 0.2;

// The hand-tuned ranking's log score, relative to the head's best: the model's prior.
double prior_score(const FeatureVector& f);
// prior_score + weights · f.
double learned_score(const FeatureVector& f, const std::vector<double>& weights);

// A text candidate of the head, in BM25F order, with its features (Index::candidates).
struct RankedCandidate {
  std::int64_t id = 0;  // Passage::id
  float bm25 = 0;
  FeatureVector features{};
};

// Weights as "name<TAB>weight" lines; blank lines and lines starting with '#' are skipped. Every
// feature must be given once: nullopt with `problems` (naming the line) otherwise.
std::optional<std::vector<double>> parse_feature_weights(std::string_view tsv, std::vector<std::string>& problems);
// The same format, `comment` first as '#' lines.
std::string format_feature_weights(const std::vector<double>& weights, std::string_view comment);

}  // namespace search
