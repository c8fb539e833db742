#pragma once
#include <ostream>
#include <string>

namespace app {

// Question files: an array of {"text" or "question", "relevant_articles": [{"law_id", "article_id",
// "clause"?}], "style"?, "question_type"?, "choices"?, "answer"?}; `law_id` names a document by
// its id in the corpus file, its số hiệu or its title. The corpus is a file or a folder (imported as
// `phobien import` does) in a fresh temporary database.
//
// `phobien eval retrieval --corpus PATH --questions FILE`: asks every question, and prints R@1,
// R@5, R@10 and MRR@10 of the gold articles, then the same with the questions' diacritics removed,
// then per style; with `list_misses`, each question whose gold article is not first, with the
// first hit. Returns non-zero on bad input.
// `weights`: a file of the learned ranking's weights to search with (both commands), or "" for the
// hand-tuned ranking.
int eval_retrieval(const std::string& corpus, const std::string& questions, bool list_misses, const std::string& weights,
                   std::ostream& out);

// `phobien eval answer --corpus PATH --questions FILE`: answers every question and prints R@1,
// R@5, MRR@10 of the citations, clause accuracy, the clarify and hand-off rates (all, then per
// style), accuracy on true/false and multiple-choice questions beside the
// majority-class baseline, the share of hand-offs, the number of citations or quotes that
// fail verification (must be 0), and the precision/coverage curve of the confidence threshold.
// With `archive` (a Q&A archive file, as `phobien import-qa` reads), the archive is imported as
// published expert answers and the figures are printed twice: without it, and with it as evidence
// (each question's own archive entry left out, so an archive made of the questions is fair).
// `list_misses`: also list the questions whose first citation is the right article quoting
// another clause than the gold one, with the quote's beginning.
int eval_answer(const std::string& corpus, const std::string& questions, const std::string& archive, const std::string& weights,
                bool list_misses, std::ostream& out);

}  // namespace app
