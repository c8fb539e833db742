#include "app/vocabulary_command.h"

#include "app/eval_data.h"
#include "consult/public_archive.h"
#include "library/vocabulary_suggestions.h"

#include <iomanip>

namespace app {

int eval_vocabulary(const std::string& corpus, const std::vector<std::string>& archives, std::ostream& out) {
  EvalLibrary lib;
  if (!lib.load(corpus, out)) return 1;
  for (const auto& path : archives) {
    auto imported = lib.import_archive(path, out);
    if (!imported) return 1;
    out << "# archive " << path << ": " << imported->published << " published answers (" << imported->held
        << " held for personal data, " << imported->unresolved << " skipped: cited article not in the corpus)\n";
  }
  consult::PublicArchive archive(*lib.database);
  library::VocabularySuggestions suggestions(*lib.database, lib.changes);
  suggestions.add_source(&archive);
  const auto report = suggestions.suggestions();
  out << "questions=" << report.questions << " suggestions=" << report.suggestions.size() << " seconds=" << std::fixed
      << std::setprecision(2) << report.seconds << "\n";
  for (const auto& s : report.suggestions) {
    out << s.phrase << " →";
    for (std::size_t i = 0; i < s.terms.size(); ++i) out << (i ? "; " : " ") << s.terms[i];
    out << "  (questions=" << s.questions << " articles=" << s.articles << " share=" << std::setprecision(2) << s.share
        << " lift=" << std::setprecision(0) << s.lift << ")\n";
    for (const auto& e : s.examples) out << "    " << e << "\n";
  }
  return 0;
}

}  // namespace app
