#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace app {

// `phobien train ranking --corpus PATH --questions FILE [--questions FILE ...] [--out FILE]`:
// learns the weights of the learned ranking (search/learned_ranking.h) from question files with
// gold articles (app/eval_data.h), over the corpus imported into a fresh temporary database.
// A file given as FILE@CORPUS is asked of that corpus instead (so that the weights also suit a
// library holding only a few laws). Each file is one set and weighs as much as any other. Prints, per set, how often the gold
// article is among the candidates re-ranked, then R@1 and R@5 among them for the hand-tuned
// ranking, for weights learned without the question (`folds`-fold cross-validation) and for the
// weights learned on everything, which it writes to `out` when given (for `phobien eval
// --weights`). Deterministic: the same data gives the same weights. Returns non-zero on bad input.
int train_ranking(const std::string& corpus, const std::vector<std::string>& question_files, const std::string& out_path, int folds,
                  double l2, std::ostream& out);

}  // namespace app
