#include "app/accents_command.h"

#include "app/eval_data.h"
#include "text/texting.h"
#include "text/vietnamese.h"

#include <cstdio>
#include <sstream>
#include <vector>

namespace app {

namespace {
std::vector<std::string> lower_words(const std::string& s) {
  std::vector<std::string> out;
  for (auto& t : text::tokenize(text::normalize(s))) out.push_back(std::move(t.lower));
  return out;
}
}  // namespace

int eval_accents(const std::string& corpus, const std::string& questions_path, bool list, std::ostream& out) {
  const auto questions = load_texts_or_complain(questions_path, out);
  if (questions.empty()) return 1;
  EvalLibrary lib;
  if (!lib.load(corpus, out)) return 1;
  std::size_t asked = 0, whole = 0, words = 0, right = 0, marked = 0, marked_right = 0;
  std::ostringstream listed;
  for (const auto& q : questions) {
    // Texting shorthand spelled out ("dc" → "được"), as the search spells it out before restoring.
    const std::string typed = text::expand_texting(text::normalize(q));
    if (!text::has_diacritics(typed)) continue;  // nothing to restore against
    const std::string plain = text::remove_diacritics(typed);
    const std::string restored = lib.search->suggest(plain).value_or(plain);
    const auto want = lower_words(typed), got = lower_words(restored);
    ++asked;
    if (want.size() != got.size()) {  // not expected: restoring changes no word boundary
      words += want.size();
      if (list) listed << "- " << typed << "\n  restored: " << restored << "\n";
      continue;
    }
    std::size_t ok = 0;
    for (std::size_t i = 0; i < want.size(); ++i) {
      const bool same = want[i] == got[i];
      ok += same;
      if (text::has_diacritics(want[i])) {
        ++marked;
        marked_right += same;
      }
    }
    words += want.size();
    right += ok;
    whole += ok == want.size();
    if (list && ok != want.size()) listed << "- " << typed << "\n  restored: " << restored << "\n";
  }
  if (asked == 0) {
    out << "không có câu hỏi nào có dấu trong " << questions_path << "\n";
    return 1;
  }
  char line[300];
  std::snprintf(line, sizeof line, "questions=%zu words=%.3f words_with_diacritics=%.3f whole_questions=%.3f\n", asked,
                words ? static_cast<double>(right) / static_cast<double>(words) : 0.0,
                marked ? static_cast<double>(marked_right) / static_cast<double>(marked) : 0.0,
                static_cast<double>(whole) / static_cast<double>(asked));
  out << line;
  if (list) out << "# questions not restored whole: as typed, and as restored from the text without diacritics\n" << listed.str();
  return 0;
}

}  // namespace app
