#pragma once
#include <ostream>
#include <string>

namespace app {

// `phobien eval accents --corpus PATH --questions FILE [--list]`: how well the search restores the
// diacritics of a question typed without them. Imports the corpus into a fresh temporary
// database; takes each question of FILE (an array of {"text"} or {"question"}) typed with
// diacritics, texting shorthand spelled out ("dc" → "được"); removes its diacritics
// (text::remove_diacritics, as a keyboard without Vietnamese input gives), asks the index for the
// accented spelling (search::Index::suggest, the page's "Có phải bạn muốn tìm") and compares it
// word by word with the question as typed (case aside). Prints the share of words restored right,
// of those whose diacritics were removed, and of questions restored whole. With `list`, each
// question not restored whole, as typed and as restored. Returns non-zero on bad input.
int eval_accents(const std::string& corpus, const std::string& questions, bool list, std::ostream& out);

}  // namespace app
