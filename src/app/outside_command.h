#pragma once
#include <ostream>
#include <string>

namespace app {

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
