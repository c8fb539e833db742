#pragma once
#include <ostream>
#include <string>

namespace answer {
struct Answer;
}

namespace app {

// "- <question>\n  not held: «Luật Hộ tịch» «Luật Doanh nghiệp» for «công ty hợp danh»\n": one line
// of the list `eval answer --misses` and `eval outside --list` give of a question whose answer
// found documents it names, or the law its subject belongs to, missing from the library; nothing
// for any other answer.
void write_not_held(std::ostream& out, const std::string& question, const answer::Answer& a);

// `phobien eval outside --corpus PATH --questions FILE [--list]`: imports the corpus into a fresh
// temporary database, answers every question of FILE (an array of {"text" or "question"}: no gold
// articles needed, so the real questions of `queries/` serve) and prints how many the library
// cannot answer from its own documents: those naming a document it does not hold
// (missing_documents), those on a subject of a law it does not hold (outside_library; and how many
// of these its confidence alone would have answered), and the shares handed off, asking to clarify
// and answered with confidence; then the laws most asked
// about that the library lacks. With `list`, each question flagged, with its laws. Returns
// non-zero on bad input.
int eval_outside(const std::string& corpus, const std::string& questions, bool list, std::ostream& out);

}  // namespace app
